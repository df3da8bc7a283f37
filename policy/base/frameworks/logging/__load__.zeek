@load ./main
@load ./writers/ascii
