# what this covers: @DIR and @FILENAME string constants
global here: string = @DIR;
global me = @FILENAME;

event zeek_init()
	{
	print |here| > 0;
	print me;
	print @FILENAME == "223-at-dir-filename.zeek";
	}
