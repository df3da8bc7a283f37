# Patterns print their stored text: a literal /x/ is ^?(x)$?, /x/i adds
# (?i:...), | and & combine the stored texts.
event zeek_init()
	{
	print /a/;
	print /^foo|bar/;
	print /x/i;
	print /a/ | /b/;
	print /a/ & /b/;
	}
