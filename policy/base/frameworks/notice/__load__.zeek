@load ./main
@load ./weird
@load ./actions/add-geodata
