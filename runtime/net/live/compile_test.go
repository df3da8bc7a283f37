package live

import gnet "github.com/gobro/gobro/runtime/net"

// Capture must stay a packet source for the engine.
var _ gnet.PacketSource = (*Capture)(nil)
