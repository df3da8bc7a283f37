# LogAscii::use_json: one object per line, unset fields omitted.
redef LogAscii::use_json = T;

module NetControl;

export {
	redef enum Log::ID += { LOG };

	type Id: record {
		h: addr &log;
		p: port &log;
	};

	type Info: record {
		ts: time &log;
		id: Id &log;
		d: double &log;
		s: string &log &optional;
		v: vector of count &log;
		ss: set[string] &log;
		e: Log::ID &log;
		ok: bool &log;
	};
}

global no_counts: vector of count = vector();
global no_strings: set[string] = set();

event zeek_init()
	{
	Log::create_stream(NetControl::LOG, [$columns=Info]);
	Log::write(NetControl::LOG, [$ts=double_to_time(1215620010.54321), $id=[$h=1.2.3.4, $p=22/tcp], $d=3.14e15,
	                             $s="a \"q\" \\ \n\x01", $v=vector(10, 20), $ss=set("x"), $e=NetControl::LOG, $ok=T]);
	Log::write(NetControl::LOG, [$ts=double_to_time(0.0), $id=[$h=[fe80::1], $p=0/unknown], $d=1.23456789e-5,
	                             $v=no_counts, $ss=no_strings, $e=NetControl::LOG, $ok=F]);
	}
