# @TEST-PCAP: intel-days.pcap
# The blog seed testdata/seeds/intel-update.bro, unmodified, over four
# days of traffic, its feeds taken from testdata/intel. example.com
# carries an hour's lifetime: the first expiry check (a day in) removes
# it. 192.0.2.80 has none and stays; its notices are suppressed for an
# hour, so only the reverse connection right after one is swallowed.
# 10.0.0.2 is whitelisted: matched (printed), never logged.
@load ../seeds/intel-update.bro

redef Intel::path_prefix = "../intel";
