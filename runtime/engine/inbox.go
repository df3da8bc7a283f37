package engine

import "time"

// The inbox is how goroutines outside the script thread hand it work:
// input pollers' updates, WebSocket clients' events. Each item is a
// function run on the script thread, followed by a drain of what it
// raised. While any sender is active, a run with nothing else to do waits
// for the inbox (exit_only_after_terminate, suspended processing).
type inbox struct {
	ch      chan func()
	senders int
}

// maxInboxWait bounds a wait on the inbox, so that Stop is noticed.
const maxInboxWait = 100 * time.Millisecond

// inboxChan is the channel senders post to, made on first use.
func (e *Engine) inboxChan() chan func() {
	if e.inbox.ch == nil {
		e.inbox.ch = make(chan func(), 1024)
	}
	return e.inbox.ch
}

// takeInbox runs what has arrived, without waiting.
func (e *Engine) takeInbox() {
	if len(e.inbox.ch) > 0 {
		e.runInbox()
	}
}

// runInbox runs every waiting item, then what they raised.
func (e *Engine) runInbox() {
	for len(e.inbox.ch) > 0 {
		(<-e.inbox.ch)()
	}
	e.drain()
}

// waitInbox waits up to d for one item and runs it.
func (e *Engine) waitInbox(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case f := <-e.inboxChan():
		f()
		e.runInbox() // and whatever came with it
	case <-t.C:
	}
}
