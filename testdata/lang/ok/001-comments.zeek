# what this covers: line comments, doc comments (##, ##!, ##<) are plain comments
##! A file-level doc comment.

## A doc comment before a global.
global counter: count = 0;  ##< trailing doc comment

# A comment containing "quotes" and /slashes/ and { braces }
event zeek_init()
	{
	# comment inside a body
	print counter; # trailing comment
	}
