# what this covers: record type exported from a module and extended from another module
module Base;

export {
	type Info: record {
		ts: time;
	};
}

module Ext;

redef record Base::Info += {
	extra: string &optional;
};

module GLOBAL;

event zeek_init()
	{
	local i = Base::Info($ts=network_time(), $extra="e");
	print i$extra;
	}
