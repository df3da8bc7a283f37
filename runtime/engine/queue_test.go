package engine

import "testing"

// A burst of events comes out in order, and the queue keeps only a few
// drained chunks afterwards rather than all the burst needed.
func TestQueueBurstReleasesChunks(t *testing.T) {
	var q queue
	const n = 100 * chunkSize
	for i := 0; i < n; i++ {
		q.push(event{n: i})
	}
	for i := 0; i < n; i++ {
		if ev := q.pop(); ev.n != i {
			t.Fatalf("event %d came out as %d", i, ev.n)
		}
	}
	if !q.empty() {
		t.Fatal("queue not empty after the burst")
	}
	if len(q.spare) > maxSpare {
		t.Fatalf("%d spare chunks kept, at most %d wanted", len(q.spare), maxSpare)
	}
}
