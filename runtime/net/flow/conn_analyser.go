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

// UID is the connection's uid, drawn from the tracker's generator the
// first time it is asked for: Zeek gives a connection its uid when it
// first builds the connection's script record, so connections no script
// ever sees take none and the uids of the others follow Zeek's. It is ""
// without a generator.
func (c *Conn) UID() string {
	if c.uid == "" && c.t != nil && c.t.cfg.UIDs != nil {
		c.uid = c.t.cfg.UIDs.Next('C')
	}
	return c.uid
}
