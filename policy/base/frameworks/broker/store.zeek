##! Broker data stores: key-value stores with a master (in memory or in
##! SQLite) and optional clones, plus the Broker::Data wrapper used to move
##! script values in and out of them.
##!
##! Queries (exists, get, put_unique, get_index_from_value, keys) are
##! asynchronous: call them only as the condition of a `when` statement that
##! has a `timeout` block. Modifications (put, erase, ...) return at once.

module Broker;

export {
	## Resync interval of clones that do not set one.
	const default_clone_resync_interval = 10sec &redef;
	## How long a clone answers queries after losing its master.
	const default_clone_stale_interval = 5min &redef;
	## How long a clone buffers modifications while its master is away.
	const default_clone_mutation_buffer_interval = 2min &redef;
	## Whether this node holds the masters of &backend tables.
	const table_store_master = T &redef;
	## Directory of the SQLite files of &backend tables.
	const table_store_db_directory = "." &redef;

	## A script value converted to Broker's data model; `data` is unset for
	## "no value".
	type Data: record {
		data: opaque of Broker::Data &optional;
	};

	## A vector of Broker data.
	type DataVector: vector of Broker::Data;

	## An event with its arguments, as published to a topic.
	type Event: record {
		name: string &optional;
		args: DataVector;
	};

	## One key-value pair of a Broker table.
	type TableItem: record {
		key: Broker::Data;
		val: Broker::Data;
	};

	## The kinds of Broker data.
	type DataType: enum {
		NONE,
		BOOL,
		INT,
		COUNT,
		DOUBLE,
		STRING,
		ADDR,
		SUBNET,
		PORT,
		TIME,
		INTERVAL,
		ENUM,
		SET,
		TABLE,
		VECTOR,
	};

	## Whether a store query succeeded.
	type QueryStatus: enum {
		SUCCESS,
		FAILURE,
	};

	## The result of a store query.
	type QueryResult: record {
		## Whether the query succeeded.
		status: Broker::QueryStatus;
		## The value (convert it with `as`).
		result: Broker::Data;
	};

	## Where a master store keeps its data. ROCKSDB existed in Bro 2.6 to
	## Zeek 3.x; gobro accepts it and uses SQLite instead.
	type BackendType: enum {
		MEMORY,
		SQLITE,
		ROCKSDB,
	};

	## SQLite's `synchronous` setting.
	type SQLiteSynchronous: enum {
		SQLITE_SYNCHRONOUS_OFF,
		SQLITE_SYNCHRONOUS_NORMAL,
		SQLITE_SYNCHRONOUS_FULL,
		SQLITE_SYNCHRONOUS_EXTRA,
	};

	## SQLite's journal mode.
	type SQLiteJournalMode: enum {
		SQLITE_JOURNAL_MODE_DELETE,
		SQLITE_JOURNAL_MODE_WAL,
	};

	## What to do with a database file that fails to open.
	type SQLiteFailureMode: enum {
		SQLITE_FAILURE_MODE_FAIL,
		SQLITE_FAILURE_MODE_DELETE,
	};

	## Options of the SQLite backend.
	type SQLiteOptions: record {
		## Database file; "" uses <store name>.sqlite.
		path: string &default="";
		synchronous: Broker::SQLiteSynchronous &optional;
		journal_mode: Broker::SQLiteJournalMode &optional;
		failure_mode: Broker::SQLiteFailureMode &default=SQLITE_FAILURE_MODE_FAIL;
		## Run an integrity check when opening.
		integrity_check: bool &default=F;
	};

	## Options of the RocksDB backend (Bro 2.6; kept for old scripts).
	type RocksDBOptions: record {
		path: string &default="";
	};

	## Options of all backends.
	type BackendOptions: record {
		sqlite: Broker::SQLiteOptions &default=SQLiteOptions();
		rocksdb: Broker::RocksDBOptions &default=RocksDBOptions();
	};

	## Creates (or attaches to) a master store.
	global create_master: function(name: string, b: BackendType &default=MEMORY,
	                               options: BackendOptions &default=BackendOptions()): opaque of Broker::Store;

	## Creates a clone of the master store of the same name.
	global create_clone: function(name: string,
	                              resync_interval: interval &default=default_clone_resync_interval,
	                              stale_interval: interval &default=default_clone_stale_interval,
	                              mutation_buffer_interval: interval &default=default_clone_mutation_buffer_interval): opaque of Broker::Store;

	## Closes a store handle.
	global close: function(h: opaque of Broker::Store): bool;
	## Whether a handle is closed (or was never opened).
	global is_closed: function(h: opaque of Broker::Store): bool;
	## The name of a store.
	global store_name: function(h: opaque of Broker::Store): string;

	## Whether a key exists (result: bool).
	global exists: function(h: opaque of Broker::Store, k: any): QueryResult;
	## The value of a key (FAILURE if the key is absent).
	global get: function(h: opaque of Broker::Store, k: any): QueryResult;
	## Inserts a key only if it is absent (result: T if inserted).
	global put_unique: function(h: opaque of Broker::Store, k: any, v: any,
	                            e: interval &default=0sec): QueryResult;
	## Looks up an index inside a container value.
	global get_index_from_value: function(h: opaque of Broker::Store, k: any, i: any): QueryResult;
	## All keys of a store (result: a set).
	global keys: function(h: opaque of Broker::Store): QueryResult;

	## Inserts or replaces a value; `e` > 0 makes it expire.
	global put: function(h: opaque of Broker::Store, k: any, v: any, e: interval &default=0sec): bool;
	## Removes a key.
	global erase: function(h: opaque of Broker::Store, k: any): bool;
	## Adds to a numeric value.
	global increment: function(h: opaque of Broker::Store, k: any, a: any &default=1,
	                           e: interval &default=0sec): bool;
	## Subtracts from a numeric value.
	global decrement: function(h: opaque of Broker::Store, k: any, a: any &default=1,
	                           e: interval &default=0sec): bool;
	## Appends to a string value.
	global append: function(h: opaque of Broker::Store, k: any, s: string, e: interval &default=0sec): bool;
	## Adds an element to a set value.
	global insert_into_set: function(h: opaque of Broker::Store, k: any, i: any, e: interval &default=0sec): bool;
	## Sets an element of a table value.
	global insert_into_table: function(h: opaque of Broker::Store, k: any, i: any, v: any,
	                                   e: interval &default=0sec): bool;
	## Removes an element from a set or table value.
	global remove_from: function(h: opaque of Broker::Store, k: any, i: any, e: interval &default=0sec): bool;
	## Appends to a vector value.
	global push: function(h: opaque of Broker::Store, k: any, v: any, e: interval &default=0sec): bool;
	## Drops the last element of a vector value.
	global pop: function(h: opaque of Broker::Store, k: any, e: interval &default=0sec): bool;
	## Removes every key.
	global clear: function(h: opaque of Broker::Store): bool;

	## Converts a script value to Broker data.
	global data: function(d: any): Broker::Data;
	## The kind of a Broker data value.
	global data_type: function(d: Broker::Data): Broker::DataType;

	## Broker sets.
	global set_create: function(): Broker::Data;
	global set_clear: function(s: Broker::Data): bool;
	global set_size: function(s: Broker::Data): count;
	global set_contains: function(s: Broker::Data, key: any): bool;
	global set_insert: function(s: Broker::Data, key: any): bool;
	global set_remove: function(s: Broker::Data, key: any): bool;
	global set_iterator: function(s: Broker::Data): opaque of Broker::SetIterator;
	global set_iterator_last: function(it: opaque of Broker::SetIterator): bool;
	global set_iterator_next: function(it: opaque of Broker::SetIterator): bool;
	global set_iterator_value: function(it: opaque of Broker::SetIterator): Broker::Data;

	## Broker tables.
	global table_create: function(): Broker::Data;
	global table_clear: function(t: Broker::Data): bool;
	global table_size: function(t: Broker::Data): count;
	global table_contains: function(t: Broker::Data, key: any): bool;
	global table_insert: function(t: Broker::Data, key: any, val: any): Broker::Data;
	global table_remove: function(t: Broker::Data, key: any): Broker::Data;
	global table_lookup: function(t: Broker::Data, key: any): Broker::Data;
	global table_iterator: function(t: Broker::Data): opaque of Broker::TableIterator;
	global table_iterator_last: function(it: opaque of Broker::TableIterator): bool;
	global table_iterator_next: function(it: opaque of Broker::TableIterator): bool;
	global table_iterator_value: function(it: opaque of Broker::TableIterator): Broker::TableItem;

	## Broker vectors.
	global vector_create: function(): Broker::Data;
	global vector_clear: function(v: Broker::Data): bool;
	global vector_size: function(v: Broker::Data): count;
	global vector_insert: function(v: Broker::Data, idx: count, d: any): bool;
	global vector_replace: function(v: Broker::Data, idx: count, d: any): Broker::Data;
	global vector_remove: function(v: Broker::Data, idx: count): Broker::Data;
	global vector_lookup: function(v: Broker::Data, idx: count): Broker::Data;
	global vector_iterator: function(v: Broker::Data): opaque of Broker::VectorIterator;
	global vector_iterator_last: function(it: opaque of Broker::VectorIterator): bool;
	global vector_iterator_next: function(it: opaque of Broker::VectorIterator): bool;
	global vector_iterator_value: function(it: opaque of Broker::VectorIterator): Broker::Data;

	## Broker records.
	global record_create: function(sz: count): Broker::Data;
	global record_size: function(r: Broker::Data): count;
	global record_assign: function(r: Broker::Data, idx: count, d: any): bool;
	global record_lookup: function(r: Broker::Data, idx: count): Broker::Data;
	global record_iterator: function(r: Broker::Data): opaque of Broker::RecordIterator;
	global record_iterator_last: function(it: opaque of Broker::RecordIterator): bool;
	global record_iterator_next: function(it: opaque of Broker::RecordIterator): bool;
	global record_iterator_value: function(it: opaque of Broker::RecordIterator): Broker::Data;
}

# Store handles.

function create_master(name: string, b: BackendType, options: BackendOptions): opaque of Broker::Store
	{
	return Broker::__create_master(name, b, options);
	}

function create_clone(name: string, resync_interval: interval, stale_interval: interval,
                      mutation_buffer_interval: interval): opaque of Broker::Store
	{
	return Broker::__create_clone(name, resync_interval, stale_interval, mutation_buffer_interval);
	}

function close(h: opaque of Broker::Store): bool
	{
	return Broker::__close(h);
	}

function is_closed(h: opaque of Broker::Store): bool
	{
	return Broker::__is_closed(h);
	}

function store_name(h: opaque of Broker::Store): string
	{
	return Broker::__store_name(h);
	}

# Queries.

function exists(h: opaque of Broker::Store, k: any): QueryResult
	{
	return Broker::__exists(h, k);
	}

function get(h: opaque of Broker::Store, k: any): QueryResult
	{
	return Broker::__get(h, k);
	}

function put_unique(h: opaque of Broker::Store, k: any, v: any, e: interval): QueryResult
	{
	return Broker::__put_unique(h, k, v, e);
	}

function get_index_from_value(h: opaque of Broker::Store, k: any, i: any): QueryResult
	{
	return Broker::__get_index_from_value(h, k, i);
	}

function keys(h: opaque of Broker::Store): QueryResult
	{
	return Broker::__keys(h);
	}

# Modifications.

function put(h: opaque of Broker::Store, k: any, v: any, e: interval): bool
	{
	return Broker::__put(h, k, v, e);
	}

function erase(h: opaque of Broker::Store, k: any): bool
	{
	return Broker::__erase(h, k);
	}

function increment(h: opaque of Broker::Store, k: any, a: any, e: interval): bool
	{
	return Broker::__increment(h, k, a, e);
	}

function decrement(h: opaque of Broker::Store, k: any, a: any, e: interval): bool
	{
	return Broker::__decrement(h, k, a, e);
	}

function append(h: opaque of Broker::Store, k: any, s: string, e: interval): bool
	{
	return Broker::__append(h, k, s, e);
	}

function insert_into_set(h: opaque of Broker::Store, k: any, i: any, e: interval): bool
	{
	return Broker::__insert_into_set(h, k, i, e);
	}

function insert_into_table(h: opaque of Broker::Store, k: any, i: any, v: any, e: interval): bool
	{
	return Broker::__insert_into_table(h, k, i, v, e);
	}

function remove_from(h: opaque of Broker::Store, k: any, i: any, e: interval): bool
	{
	return Broker::__remove_from(h, k, i, e);
	}

function push(h: opaque of Broker::Store, k: any, v: any, e: interval): bool
	{
	return Broker::__push(h, k, v, e);
	}

function pop(h: opaque of Broker::Store, k: any, e: interval): bool
	{
	return Broker::__pop(h, k, e);
	}

function clear(h: opaque of Broker::Store): bool
	{
	return Broker::__clear(h);
	}

# Data conversion.

function data(d: any): Broker::Data
	{
	return Broker::__data(d);
	}

function data_type(d: Broker::Data): Broker::DataType
	{
	return Broker::__data_type(d);
	}

# Sets.

function set_create(): Broker::Data
	{
	return Broker::__set_create();
	}

function set_clear(s: Broker::Data): bool
	{
	return Broker::__set_clear(s);
	}

function set_size(s: Broker::Data): count
	{
	return Broker::__set_size(s);
	}

function set_contains(s: Broker::Data, key: any): bool
	{
	return Broker::__set_contains(s, key);
	}

function set_insert(s: Broker::Data, key: any): bool
	{
	return Broker::__set_insert(s, key);
	}

function set_remove(s: Broker::Data, key: any): bool
	{
	return Broker::__set_remove(s, key);
	}

function set_iterator(s: Broker::Data): opaque of Broker::SetIterator
	{
	return Broker::__set_iterator(s);
	}

function set_iterator_last(it: opaque of Broker::SetIterator): bool
	{
	return Broker::__set_iterator_last(it);
	}

function set_iterator_next(it: opaque of Broker::SetIterator): bool
	{
	return Broker::__set_iterator_next(it);
	}

function set_iterator_value(it: opaque of Broker::SetIterator): Broker::Data
	{
	return Broker::__set_iterator_value(it);
	}

# Tables.

function table_create(): Broker::Data
	{
	return Broker::__table_create();
	}

function table_clear(t: Broker::Data): bool
	{
	return Broker::__table_clear(t);
	}

function table_size(t: Broker::Data): count
	{
	return Broker::__table_size(t);
	}

function table_contains(t: Broker::Data, key: any): bool
	{
	return Broker::__table_contains(t, key);
	}

function table_insert(t: Broker::Data, key: any, val: any): Broker::Data
	{
	return Broker::__table_insert(t, key, val);
	}

function table_remove(t: Broker::Data, key: any): Broker::Data
	{
	return Broker::__table_remove(t, key);
	}

function table_lookup(t: Broker::Data, key: any): Broker::Data
	{
	return Broker::__table_lookup(t, key);
	}

function table_iterator(t: Broker::Data): opaque of Broker::TableIterator
	{
	return Broker::__table_iterator(t);
	}

function table_iterator_last(it: opaque of Broker::TableIterator): bool
	{
	return Broker::__table_iterator_last(it);
	}

function table_iterator_next(it: opaque of Broker::TableIterator): bool
	{
	return Broker::__table_iterator_next(it);
	}

function table_iterator_value(it: opaque of Broker::TableIterator): Broker::TableItem
	{
	return Broker::__table_iterator_value(it);
	}

# Vectors.

function vector_create(): Broker::Data
	{
	return Broker::__vector_create();
	}

function vector_clear(v: Broker::Data): bool
	{
	return Broker::__vector_clear(v);
	}

function vector_size(v: Broker::Data): count
	{
	return Broker::__vector_size(v);
	}

function vector_insert(v: Broker::Data, idx: count, d: any): bool
	{
	return Broker::__vector_insert(v, idx, d);
	}

function vector_replace(v: Broker::Data, idx: count, d: any): Broker::Data
	{
	return Broker::__vector_replace(v, idx, d);
	}

function vector_remove(v: Broker::Data, idx: count): Broker::Data
	{
	return Broker::__vector_remove(v, idx);
	}

function vector_lookup(v: Broker::Data, idx: count): Broker::Data
	{
	return Broker::__vector_lookup(v, idx);
	}

function vector_iterator(v: Broker::Data): opaque of Broker::VectorIterator
	{
	return Broker::__vector_iterator(v);
	}

function vector_iterator_last(it: opaque of Broker::VectorIterator): bool
	{
	return Broker::__vector_iterator_last(it);
	}

function vector_iterator_next(it: opaque of Broker::VectorIterator): bool
	{
	return Broker::__vector_iterator_next(it);
	}

function vector_iterator_value(it: opaque of Broker::VectorIterator): Broker::Data
	{
	return Broker::__vector_iterator_value(it);
	}

# Records.

function record_create(sz: count): Broker::Data
	{
	return Broker::__record_create(sz);
	}

function record_size(r: Broker::Data): count
	{
	return Broker::__record_size(r);
	}

function record_assign(r: Broker::Data, idx: count, d: any): bool
	{
	return Broker::__record_assign(r, idx, d);
	}

function record_lookup(r: Broker::Data, idx: count): Broker::Data
	{
	return Broker::__record_lookup(r, idx);
	}

function record_iterator(r: Broker::Data): opaque of Broker::RecordIterator
	{
	return Broker::__record_iterator(r);
	}

function record_iterator_last(it: opaque of Broker::RecordIterator): bool
	{
	return Broker::__record_iterator_last(it);
	}

function record_iterator_next(it: opaque of Broker::RecordIterator): bool
	{
	return Broker::__record_iterator_next(it);
	}

function record_iterator_value(it: opaque of Broker::RecordIterator): Broker::Data
	{
	return Broker::__record_iterator_value(it);
	}
