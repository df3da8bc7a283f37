@load ./consts
@load ./main
@load ./files
@load-sigs ./dpd
