@load ./main
@load ./readers/ascii
