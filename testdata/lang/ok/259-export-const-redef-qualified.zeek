# what this covers: redef of an exported &redef const from another module using its qualified name
module Config;

export {
	const port_list: set[port] = { 80/tcp } &redef;
	const retries = 3 &redef;
}

module Site;

redef Config::port_list += { 8080/tcp };
redef Config::retries = 5;

module GLOBAL;

event zeek_init()
	{
	print |Config::port_list|, Config::retries;
	}
