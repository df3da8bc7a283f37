# what this covers: @load-sigs of a signature file (the .sig extension is optional)
@load-sigs ./lib/test-sigs

event signature_match(state: signature_state, msg: string, data: string)
	{
	print msg;
	}
