# The Broker store types and constants (API.md §1) and the cluster
# store defaults (§3): enum values, record defaults, &redef constants.
@load base/frameworks/cluster

event zeek_init()
	{
	print Broker::SUCCESS, Broker::FAILURE;
	print Broker::QueryResult($status=Broker::SUCCESS, $result=Broker::data(1));
	print Broker::Data(), Broker::Data()?$data, Broker::data(1)?$data;
	local dv: Broker::DataVector = vector(Broker::data(1), Broker::data("a"));
	print dv, |dv|;
	print Broker::TableItem($key=Broker::data("k"), $val=Broker::data(2));
	print Broker::Event($args=dv), Broker::Event($name="e", $args=vector())?$name;
	print Broker::MEMORY, Broker::SQLITE, Broker::ROCKSDB;
	print Broker::SQLITE_FAILURE_MODE_FAIL, Broker::SQLITE_FAILURE_MODE_DELETE;
	print Broker::SQLITE_SYNCHRONOUS_OFF, Broker::SQLITE_SYNCHRONOUS_NORMAL,
	      Broker::SQLITE_SYNCHRONOUS_FULL, Broker::SQLITE_SYNCHRONOUS_EXTRA;
	print Broker::SQLITE_JOURNAL_MODE_DELETE, Broker::SQLITE_JOURNAL_MODE_WAL;
	local so = Broker::SQLiteOptions();
	print so, so?$synchronous, so?$journal_mode;
	print Broker::RocksDBOptions(), Broker::BackendOptions();
	print Broker::default_clone_resync_interval, Broker::default_clone_stale_interval,
	      Broker::default_clone_mutation_buffer_interval;
	print Broker::table_store_master, Broker::table_store_db_directory;

	# Broker::DataType of each kind of value.
	print Broker::data_type(Broker::data(T)), Broker::data_type(Broker::data(-1)),
	      Broker::data_type(Broker::data(1)), Broker::data_type(Broker::data(1.5)),
	      Broker::data_type(Broker::data("s"));
	print Broker::data_type(Broker::data(1.2.3.4)), Broker::data_type(Broker::data(1.2.3.0/24)),
	      Broker::data_type(Broker::data(80/tcp)), Broker::data_type(Broker::data(double_to_time(1.0))),
	      Broker::data_type(Broker::data(1sec));
	print Broker::data_type(Broker::data(Broker::SQLITE)), Broker::data_type(Broker::data(set(1))),
	      Broker::data_type(Broker::data(table([1] = 2))), Broker::data_type(Broker::data(vector(1))),
	      Broker::data_type(Broker::data(Broker::SQLiteOptions()));

	# Cluster::StoreInfo with nothing set, and the cluster defaults.
	print Cluster::default_master_node, Cluster::default_backend,
	      Cluster::default_persistent_backend, Cluster::default_store_dir;
	local si = Cluster::StoreInfo();
	print si?$name, si?$store, si$master_node, si$master, si$backend;
	print si$options, si$clone_resync_interval, si$clone_stale_interval, si$clone_mutation_buffer_interval;
	# An unknown name gets the &default StoreInfo.
	print Cluster::stores["nope"]$backend, "nope" in Cluster::stores;
	}
