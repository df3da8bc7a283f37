# expect: error in ./break-outside-loop.zeek, line 6: break statement used outside of for, while or switch statement and not within a hook
# what this covers: break in a function body outside any loop

function f()
	{
	break;
	}
