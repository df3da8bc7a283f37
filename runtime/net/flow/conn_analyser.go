package flow

// FlipRoles swaps originator and responder at an analyser's request:
// Zeek's DNS analyser does so when a connection's first message is a
// reply sent by its originator. Unlike the tracker's flip of a new
// connection it leaves no note, because the analyser raises
// connection_flipped itself, in its own event order.
func (c *Conn) FlipRoles() {
	n := len(c.t.notes)
	c.flipRoles()
	c.t.notes = c.t.notes[:n]
}
