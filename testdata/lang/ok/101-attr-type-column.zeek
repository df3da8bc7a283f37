# what this covers: &type_column on a record field (input framework port columns)
type Row: record {
	p: port &type_column="proto";
	name: string;
};

event zeek_init()
	{
	print Row($p=1/tcp, $name="a");
	}
