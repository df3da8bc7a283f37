@load ./main
@load ./pools
@load ./store
