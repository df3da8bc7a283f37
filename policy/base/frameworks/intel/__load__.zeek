@load ./main
@load ./files
@load ./input
