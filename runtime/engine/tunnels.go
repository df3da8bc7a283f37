package engine

import (
	"strings"

	"github.com/gobro/gobro/lang/types"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// Tunnels carried over UDP (Teredo, VXLAN, GTPv1, AYIYA, Geneve) are
// decoded by packet analysers; as in Zeek, such an analyser confirms its
// protocol on the outer connection once it has decapsulated a packet
// there, so the connection's service names the tunnel ("teredo",
// "vxlan"). With Tunnel::delay_teredo_confirmation (default T) Teredo
// waits for valid packets in both directions: a lone Teredo-looking
// datagram is easily a false positive.

// tunnelSeen notes a packet decapsulated from conn, in direction isOrig.
func (e *Engine) tunnelSeen(c *flow.Conn, t gnet.TunnelType, isOrig bool) {
	st := state(c)
	if st.tunnelConfirmed {
		return
	}
	if isOrig {
		st.tunnelDirs |= 1
	} else {
		st.tunnelDirs |= 2
	}
	if t == gnet.TunnelTeredo && st.tunnelDirs != 3 && e.globalBool("Tunnel::delay_teredo_confirmation", true) {
		return
	}
	st.tunnelConfirmed = true
	name := strings.TrimPrefix(t.String(), "Tunnel::")
	tag, ok := e.tagValue(name)
	if !ok {
		return
	}
	// A packet analyser has no per-connection instance: no aid.
	if it, _ := e.typeOf("AnalyzerConfirmationInfo").(*types.RecordType); it != nil && e.handler("analyzer_confirmation_info") {
		info := newRecord(it)
		info.Set("c", value.Value{P: e.connRecord(c)})
		e.raise1("analyzer_confirmation_info", tag, value.Value{P: info})
	}
}
