# A stream with nested &log records, sets, vectors, unset fields and
# strings needing escapes; the stream's event sees each record.
module Test;

export {
	redef enum Log::ID += { LOG, HOSTS_LOG };

	type Inner: record {
		a: addr &log;
		p: port &log;
		hidden: string;
	};

	type Info: record {
		ts: time &log;
		id: Inner &log;
		b: bool &log;
		i: int &log;
		c: count &log;
		d: double &log;
		iv: interval &log;
		s: string &log &optional;
		sn: subnet &log;
		e: Log::ID &log;
		sc: set[count] &log;
		vs: vector of string &log;
		secret: string &default="no";
	};

	global log_test: event(rec: Info);
}

redef record Info += {
	extra: string &log &optional;
};

type Host: record {
	host: addr &log;
};

event log_test(rec: Info)
	{
	print fmt("log_test %s", rec$c);
	}

global no_counts: set[count] = set();
global no_strings: vector of string = vector();

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $ev=log_test]);
	Log::create_stream(Test::HOSTS_LOG, [$columns=Host]);
	Log::write(Test::LOG, [$ts=double_to_time(1234567890.01), $id=[$a=1.2.3.4, $p=80/tcp, $hidden="x"],
	                       $b=T, $i=-42, $c=21, $d=3.14, $iv=100secs, $s="hurz", $sn=10.0.0.1/24,
	                       $e=Test::LOG, $sc=set(4, 2), $vs=vector("a", "b,c")]);
	Log::write(Test::LOG, [$ts=double_to_time(2385642157.0), $id=[$a=[::1], $p=53/udp, $hidden="x"],
	                       $b=F, $i=0, $c=0, $d=5e4, $iv=0secs, $s="-", $sn=[2001:db8::]/32,
	                       $e=Test::HOSTS_LOG, $sc=no_counts, $vs=no_strings, $extra="tab\there\\ \x01 caf\xc3\xa9"]);
	Log::write(Test::LOG, [$ts=double_to_time(0.0), $id=[$a=0.0.0.0, $p=0/icmp, $hidden="x"],
	                       $b=F, $i=1, $c=1, $d=1.23456789e-5, $iv=-1.5secs, $s="#Kaputt", $sn=0.0.0.0/0,
	                       $e=Test::LOG, $sc=set(1), $vs=vector("", "(empty)"), $extra=""]);
	Log::write(Test::HOSTS_LOG, [$host=10.0.0.1]);
	}
