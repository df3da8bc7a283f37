package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	ws "github.com/coder/websocket"

	"github.com/gobro/gobro/runtime/broker"
)

// benchClient connects to the bench script's server with topics.
func benchClient(b *testing.B, port int, topics ...string) *ws.Conn {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := ws.Dial(ctx, fmt.Sprintf("ws://127.0.0.1:%d/v1/messages/json", port), nil)
	if err != nil {
		b.Fatal(err)
	}
	subs, _ := json.Marshal(append([]string{}, topics...))
	c.Write(ctx, ws.MessageText, subs)
	if _, _, err := c.Read(ctx); err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkWebSocketEventsIn is events per second from one client into a
// script handler: the client sends b.N events as fast as it can, the
// handler counts them and terminates the run at the last.
func BenchmarkWebSocketEventsIn(b *testing.B) {
	port := freePort(b)
	done := startWebSocketScript(b, "bench.zeek", port, "redef n_in = "+strconv.Itoa(b.N))
	c := benchClient(b, port, "bench/done")
	defer c.CloseNow()
	msgs := make([][]byte, 64)
	for i := range msgs {
		ev := broker.Event{Name: "ping", Args: []broker.Data{broker.Count(uint64(i)), broker.String("payload")}}
		msgs[i] = broker.AppendDataMessage(nil, "bench/in", ev.Data())
	}
	b.ResetTimer()
	start := time.Now()
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		if err := c.Write(ctx, ws.MessageText, msgs[i%len(msgs)]); err != nil {
			b.Fatal(err)
		}
	}
	// The handler tells when it has seen the last one.
	rctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	if _, _, err := c.Read(rctx); err != nil {
		b.Fatalf("waiting for the handler: %v", err)
	}
	elapsed := time.Since(start)
	c.Close(ws.StatusNormalClosure, "")
	<-done
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "events/s")
}

// BenchmarkWebSocketEventsOut is events per second from gobro to one
// subscriber: a handler publishes b.N events in a loop, the client reads
// them all.
func BenchmarkWebSocketEventsOut(b *testing.B) {
	port := freePort(b)
	done := startWebSocketScript(b, "bench.zeek", port, "redef n_out = "+strconv.Itoa(b.N))
	b.ResetTimer()
	start := time.Now()
	c := benchClient(b, port, "bench/")
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	for i := 0; i < b.N; i++ {
		if _, _, err := c.Read(ctx); err != nil {
			b.Fatalf("after %d events: %v", i, err)
		}
	}
	elapsed := time.Since(start)
	c.Close(ws.StatusNormalClosure, "")
	<-done
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "events/s")
}
