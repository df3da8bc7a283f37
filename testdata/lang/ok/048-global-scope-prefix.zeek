# what this covers: ::name forces the GLOBAL namespace from inside a module
global shared = "global-one";

module M;

export {
	global shared = "module-one";
}

event zeek_init()
	{
	print shared;
	print ::shared;
	print M::shared;
	}
