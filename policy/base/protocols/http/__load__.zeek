@load ./main
@load ./utils
