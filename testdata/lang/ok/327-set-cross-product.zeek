# what this covers: set constructors whose index lists embed sets expand to the cross product
global pairs: set[string, count] = { [set("a", "b"), 1], ["c", 2] };
global ports: set[addr, port] = { [1.2.3.4, set(22/tcp, 80/tcp)] };
global singles: set[port] = { [set(53/udp, 123/udp)] };

event zeek_init()
	{
	# 3 elements: [a, 1], [b, 1], [c, 2]
	print |pairs|, ["b", 1] in pairs;
	print |ports|, [1.2.3.4, 80/tcp] in ports;
	print |singles|, 53/udp in singles;

	# Without a declared type the members' type is the index type.
	local grid = { [set("x", "y"), set(1, 2)] };
	local typed: set[string, count] = grid;
	print |typed|;
	}
