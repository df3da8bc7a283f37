# SQLite masters from a script (API.md §2.1, §3): an empty path is
# <name>.sqlite in the current directory, with a directory for each "/"
# of the name; Cluster::create_store uses default_store_dir only for a
# store that ends up SQLITE, and an explicitly persistent backend stays
# when default_persistent_backend says otherwise. The backend options
# (synchronous, journal mode, integrity check) are accepted; a file that
# is not a database fails with FAILURE_MODE_FAIL and is recreated with
# FAILURE_MODE_DELETE.
@load base/frameworks/cluster

redef Cluster::default_store_dir = "dir";
redef Cluster::default_persistent_backend = Broker::MEMORY;
redef Cluster::stores += {
	["explicit"] = Cluster::StoreInfo($backend=Broker::SQLITE),
	["own-path"] = Cluster::StoreInfo($backend=Broker::SQLITE,
	    $options=Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="own.sqlite"))),
};

global go: event();

function exists(path: string): bool
	{
	return file_size(path) >= 0.0;
	}

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in a later event.
	schedule 1msec { go() };
	}

event go()
	{
	local a = Broker::create_master("plain", Broker::SQLITE);
	local b = Broker::create_master("site/known/hosts", Broker::SQLITE);
	Broker::put(b, "k", 1);
	print Broker::is_closed(a), Broker::is_closed(b);
	print exists("plain.sqlite"), exists("site/known/hosts.sqlite");

	local m = Cluster::create_store("mem", T);
	local e = Cluster::create_store("explicit", T);
	local o = Cluster::create_store("own-path");
	print m$backend, m$options$sqlite$path, exists("dir/mem.sqlite");
	print e$backend, e$options$sqlite$path, exists("dir/explicit.sqlite");
	print o$backend, o$options$sqlite$path, exists("own.sqlite"), exists("dir/own-path.sqlite");

	local opts = Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="opts.sqlite",
	    $synchronous=Broker::SQLITE_SYNCHRONOUS_FULL,
	    $journal_mode=Broker::SQLITE_JOURNAL_MODE_WAL, $integrity_check=T));
	local w = Broker::create_master("opts", Broker::SQLITE, opts);
	Broker::put(w, "k", "v");
	print Broker::is_closed(w), exists("opts.sqlite");
	when [w] ( local r = Broker::get(w, "k") )
		print "opts", r$result as string;
	timeout 1sec
		{ print "timeout"; }

	local f = open("corrupt.sqlite");
	print f, "this is not a SQLite database, and it is long enough to say so";
	close(f);
	local fail = Broker::create_master("corrupt", Broker::SQLITE,
	    Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="corrupt.sqlite")));
	print "FAIL", Broker::is_closed(fail);
	local del = Broker::create_master("corrupt", Broker::SQLITE,
	    Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="corrupt.sqlite",
	        $failure_mode=Broker::SQLITE_FAILURE_MODE_DELETE)));
	print "DELETE", Broker::is_closed(del);
	when [del] ( local k = Broker::keys(del) )
		print "recreated", k$result;
	timeout 1sec
		{ print "timeout"; }
	}
