package ssh

import (
	"bytes"

	"github.com/gobro/gobro/runtime/value"
)

// versionBytes consumes bytes of the version exchange: whole lines, each
// ended by LF (a CR before it is dropped). It returns what follows the
// identification line, which is binary packets.
func (c *conn) versionBytes(isOrig bool, s *side, data []byte) []byte {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		if len(s.buf)+len(data) > maxLine {
			c.dead(s, "SSH identification line too long", append(s.buf, data...))
			return nil
		}
		s.buf = append(s.buf, data...)
		return nil
	}
	line := data[:i]
	if len(s.buf) > 0 {
		line = append(s.buf, line...)
		s.buf = nil
	}
	if len(line) > maxLine {
		c.dead(s, "SSH identification line too long", line)
		return nil
	}
	line = bytes.TrimSuffix(line, []byte{'\r'})
	c.versionLine(isOrig, s, line)
	return data[i+1:]
}

// versionLine handles one line: the identification string moves the
// direction on to binary packets; a server may send other lines first
// (RFC 4253 section 4.2), a client may not.
func (c *conn) versionLine(isOrig bool, s *side, line []byte) {
	if !hasPrefixFold(line, "SSH-") {
		if isOrig {
			c.dead(s, "malformed ssh identification", line)
			return
		}
		if c.h.Handled("ssh_server_pre_banner_data") {
			c.h.Raise("ssh_server_pre_banner_data", value.String(string(line)))
		}
		return
	}
	s.stage = stPackets
	v := lineVersion(line)
	if isOrig {
		c.clientVer = v
	} else {
		c.serverVer = v
	}
	c.version = settle(c.clientVer, c.serverVer)
	ev := "ssh_server_version"
	if isOrig {
		ev = "ssh_client_version"
	}
	if c.h.Handled(ev) {
		c.h.Raise(ev, value.String(string(line)))
	}
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// lineVersion is the protocol an identification string announces:
// "SSH-2.0-..." is 2, "SSH-1.99-..." both, any other "SSH-1.x" 1.
func lineVersion(line []byte) int {
	if len(line) < 5 {
		return verUnknown
	}
	switch line[4] {
	case '2':
		return ver2
	case '1':
		if len(line) >= 8 && line[6] == '9' && line[7] == '9' {
			return ver199
		}
		return ver1
	}
	return verUnknown
}

// settle is the protocol two ends speak (RFC 4253 section 5): 1.99 goes
// with either; 1 and 2 do not mix.
func settle(client, server int) int {
	switch {
	case client == verUnknown || server == verUnknown:
		return verUnknown
	case client == server && client == ver199:
		return ver2
	case client == server:
		return client
	case client == ver199:
		return server
	case server == ver199:
		return client
	}
	return verUnknown
}
