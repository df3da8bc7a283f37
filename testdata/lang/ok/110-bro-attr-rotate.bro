# what this covers: Bro 2.x file attributes &rotate_interval, &rotate_size and &encrypt
global out: file = open("/dev/null") &rotate_interval=1 hr;
global out2: file = open("/dev/null") &rotate_size=1024;
global out3: file = open("/dev/null") &encrypt;

event bro_init()
	{
	print out, "rotating";
	print out2, "sized";
	print out3, "encrypted";
	}
