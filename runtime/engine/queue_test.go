package engine

import (
	"runtime"
	"testing"
	"unsafe"
)

// A burst of events comes out in order, and the queue keeps only a few
// drained chunks afterwards rather than all the burst needed.
func TestQueueBurstReleasesChunks(t *testing.T) {
	var q queue
	const n = 100 * chunkSize
	for i := 0; i < n; i++ {
		q.push(event{n: int32(i)})
	}
	for i := 0; i < n; i++ {
		if ev := q.pop(); int(ev.n) != i {
			t.Fatalf("event %d came out as %d", i, ev.n)
		}
	}
	if !q.empty() {
		t.Fatal("queue not empty after the burst")
	}
	if len(q.spare) > maxSpare {
		t.Fatalf("%d spare chunks kept, at most %d wanted", len(q.spare), maxSpare)
	}
	// Nor may the array behind q.chunks hold the drained ones (slicing
	// it does not drop them): the live heap after the burst is about
	// the spare chunks, not the 100 the burst needed.
	q2 := new(queue)
	if grew := heapAfter(func() { burst(q2, n) }); grew > (maxSpare+8)*chunkBytes {
		t.Fatalf("the queue holds %d bytes after a burst", grew)
	}
	runtime.KeepAlive(q2)
}

const chunkBytes = chunkSize * int64(unsafe.Sizeof(event{}))

// burst pushes n events and pops them all.
func burst(q *queue, n int) {
	for i := 0; i < n; i++ {
		q.push(event{n: int32(i)})
	}
	for !q.empty() {
		q.pop()
	}
}

// heapAfter is how much more live heap there is after f ran.
func heapAfter(f func()) int64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	before := int64(m.HeapAlloc)
	f()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc) - before
}
