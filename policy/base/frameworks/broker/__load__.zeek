@load ./main
@load ./store
