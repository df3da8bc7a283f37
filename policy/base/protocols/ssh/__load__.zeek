@load ./main
@load-sigs ./dpd
