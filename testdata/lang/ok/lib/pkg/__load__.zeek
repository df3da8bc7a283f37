# what this covers: package loader for the directory-load test
@load ./part

module Pkg;

export {
	global pkg_loaded = T;
}
