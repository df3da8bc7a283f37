# what this covers: haversine_distance returns miles; distance from a point
# to itself is 0.
event zeek_init()
	{
	print haversine_distance(0.0, 0.0, 0.0, 0.0);
	local d = haversine_distance(40.7128, -74.0060, 51.5074, -0.1278);
	print d > 3400.0 && d < 3500.0;
	print fmt("%.1f", haversine_distance(0.0, 0.0, 0.0, 1.0));
	}
