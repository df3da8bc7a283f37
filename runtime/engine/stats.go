package engine

// PacketStats are the counts of a finished -r run: packets read from the
// trace and connections the tracker created.
type PacketStats struct {
	Packets, Connections int
}

// PacketStats reports the packet input's counts (zero without one).
func (e *Engine) PacketStats() PacketStats {
	var s PacketStats
	if e.pkt == nil {
		return s
	}
	s.Packets = int(e.pkt.packets.Load())
	if e.pkt.tracker != nil {
		s.Connections = e.pkt.tracker.Created()
	}
	return s
}
