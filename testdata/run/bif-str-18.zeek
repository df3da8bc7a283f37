# what this covers: encode_base64 / decode_base64 with padding cases.
event zeek_init()
	{
	print encode_base64("f"), encode_base64("fo"), encode_base64("foo");
	print encode_base64("Hello, Zeek!");
	print decode_base64("SGVsbG8sIFplZWsh");
	print decode_base64("Zm9v"), decode_base64("Zm8="), decode_base64("Zg==");
	print fmt("[%s]", encode_base64(""));
	}
