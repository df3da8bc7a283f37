# expect: error in ./table-ctor-no-brackets.zeek, line 6: cannot determine type for table; ensure square brackets are around each key (table(SSH = 22/tcp, HTTPS = 443/tcp))
# what this covers: table constructor keys without square brackets

event zeek_init()
	{
	local t = table("SSH" = 22/tcp, "HTTPS" = 443/tcp);
	}
