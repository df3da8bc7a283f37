# what this covers: @load of a directory loads its __load__.zeek
@load ./lib/pkg

event zeek_init()
	{
	print Pkg::pkg_loaded, Pkg::pkg_part_value;
	}
