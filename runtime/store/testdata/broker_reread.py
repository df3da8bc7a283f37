"""Read a store file gobro wrote with real Broker (python3-broker) and
re-store every row into a second file, so that the Go test can compare
bytes: a key Broker found by get and a value it re-encodes identically
mean Broker read both as gobro meant them.

usage: /usr/bin/python3 broker_reread.py SRC.sqlite DST.sqlite
prints JSON: {"keys": N, "found": N}
"""
import json
import sys

import broker

src, dst = sys.argv[1], sys.argv[2]
ep = broker.Endpoint()
a = ep.attach_master('gobro_src', broker.Backend.SQLite, {'path': src})
b = ep.attach_master('gobro_dst', broker.Backend.SQLite, {'path': dst})
assert a is not None and b is not None, 'attach_master failed'
keys = a._store.keys().get().as_set()
found = 0
for k in keys:
    v = a._store.get(k)
    if not v.is_valid():
        continue
    found += 1
    b._store.put(k, v.get(), broker._broker.OptionalTimespan())
b.get('__barrier__')  # the master handles its mailbox in order
a.get('__barrier__')
ep.shutdown()
print(json.dumps({'keys': len(keys), 'found': found}))
