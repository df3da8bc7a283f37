# NOTICE: fields filled from $conn-less $id, the base policy's actions
# (log, alarm for alarmed_types), suppression by (note, identifier) with
# the per-type interval, Notice::policy and Notice::notice hooks, and
# Notice::suppressed for the repeats.
@load base/frameworks/notice

redef enum Notice::Type += { Test_Log, Test_Alarm, Test_Ignored };
redef Notice::alarmed_types += { Test_Alarm };
redef Notice::ignored_types += { Test_Ignored };
redef Notice::type_suppression_intervals += { [Test_Alarm] = 10 mins };

hook Notice::policy(n: Notice::Info)
	{
	print "policy", n$note, n?$identifier ? n$identifier : "-";
	}

hook Notice::notice(n: Notice::Info)
	{
	print "notice", n$note, n$actions, n$suppress_for;
	}

event Notice::log_notice(rec: Notice::Info)
	{
	if ( rec?$id )
		print "log", rec$note, rec$msg, rec$uid, rec$src, rec$dst, rec$p, rec$proto;
	else
		print "log", rec$note, rec$msg, rec?$src ? cat(rec$src) : "no src";
	}

hook Notice::log_policy_alarm(rec: Notice::Info, id: Log::ID, filter: Log::Filter)
	{
	print "alarm", rec$note;
	}

event Notice::suppressed(n: Notice::Info)
	{
	print "suppressed", n$note, n$identifier;
	}

event zeek_init()
	{
	local id = conn_id($orig_h=10.0.0.1, $orig_p=1234/tcp, $resp_h=10.0.0.2, $resp_p=22/tcp);
	NOTICE([$note=Test_Log, $msg="first", $id=id, $uid="CtestUID", $identifier="a"]);
	NOTICE([$note=Test_Log, $msg="repeat", $id=id, $identifier="a"]);
	NOTICE([$note=Test_Log, $msg="other identifier", $id=id, $uid="CotherUID", $identifier="b"]);
	NOTICE([$note=Test_Log, $msg="no identifier"]);
	NOTICE([$note=Test_Log, $msg="no identifier again"]);
	NOTICE([$note=Test_Alarm, $msg="alarm", $src=192.168.1.1, $identifier="a"]);
	NOTICE([$note=Test_Alarm, $msg="alarm repeat", $src=192.168.1.1, $identifier="a"]);
	NOTICE([$note=Test_Ignored, $msg="ignored"]);
	}
