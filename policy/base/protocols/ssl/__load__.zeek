@load ./consts
@load ./events
@load ./main
@load ./files
@load-sigs ./dpd
