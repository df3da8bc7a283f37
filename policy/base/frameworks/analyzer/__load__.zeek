@load ./main
@load ./dpd
