# what this covers: part of the directory-load test package
module Pkg;

export {
	global pkg_part_value = 11;
}
