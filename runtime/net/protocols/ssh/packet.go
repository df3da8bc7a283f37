package ssh

import "encoding/binary"

// packetBytes consumes the binary packets of the key exchange, which
// are in the clear. Until both identification strings are known the
// framing (SSH-1 or SSH-2) is not, so bytes wait in the buffer. It
// returns what is left once the direction turned encrypted.
func (c *conn) packetBytes(isOrig bool, s *side, data []byte) []byte {
	if c.version == verUnknown {
		if c.clientVer != verUnknown && c.serverVer != verUnknown {
			c.dead(s, "incompatible SSH protocol versions", data)
			return nil
		}
		if len(s.buf)+len(data) > maxPacket {
			c.dead(s, "SSH packet before the peer's identification", data)
			return nil
		}
		s.buf = append(s.buf, data...)
		return nil
	}
	// held is the buffer's storage when data continues a packet: a big
	// packet arriving in small segments grows it without copying it
	// again and again.
	var held []byte
	if len(s.buf) > 0 {
		held = append(s.buf, data...)
		data, s.buf = held, nil
	}
	for len(data) > 0 && s.stage == stPackets {
		n, ok := c.packetSize(s, data)
		if !ok {
			return nil
		}
		if n > len(data) {
			switch {
			case held == nil:
				s.buf = append([]byte(nil), data...)
			case len(data) == len(held):
				s.buf = held
			default:
				s.buf = held[:copy(held, data)]
			}
			return nil
		}
		if c.version == ver1 {
			c.ssh1Packet(isOrig, s, data[:n])
		} else {
			c.ssh2Packet(isOrig, s, data[:n])
		}
		data = data[n:]
	}
	if s.stage != stEncrypted {
		return nil
	}
	return data
}

// packetSize is the size of the packet data starts with (more than
// len(data) when it is incomplete); !ok after a violation.
func (c *conn) packetSize(s *side, data []byte) (int, bool) {
	if len(data) < 4 {
		return 4, true
	}
	l := binary.BigEndian.Uint32(data)
	min := uint32(2) // SSH-2: padding length and message type
	if c.version == ver1 {
		min = 5 // message type and CRC
	}
	if l > maxPacket || l < min {
		c.dead(s, "invalid SSH packet length", data)
		return 0, false
	}
	if c.version == ver1 {
		return int(4 + l + 8 - l%8), true
	}
	return int(4 + l), true
}

// ssh2Packet handles one whole SSH-2 binary packet (RFC 4253 section 6).
func (c *conn) ssh2Packet(isOrig bool, s *side, p []byte) {
	l := int(binary.BigEndian.Uint32(p))
	pad := int(p[4])
	if pad+2 > l {
		c.dead(s, "invalid SSH padding length", p)
		return
	}
	msg, payload := p[5], p[6:4+l-pad]
	switch {
	case msg == msgKexInit:
		c.kexInit(isOrig, payload)
	case msg == msgNewKeys:
		s.stage = stEncrypted
		c.h.Confirm()
	case msg >= msgKexFirst && msg <= 49:
		c.kexMessage(isOrig, msg, payload)
	}
}

// SSH-1 message types (draft-ylonen-ssh-protocol-00).
const (
	ssh1PublicKey  = 2 // SSH_SMSG_PUBLIC_KEY
	ssh1SessionKey = 3 // SSH_CMSG_SESSION_KEY
)

// ssh1Packet handles one whole SSH-1 packet: length, padding to a
// multiple of 8, type, data, CRC. Only the first packet of each
// direction is in the clear (the server's public key, the client's
// session key); everything after it is encrypted.
func (c *conn) ssh1Packet(isOrig bool, s *side, p []byte) {
	l := int(binary.BigEndian.Uint32(p))
	body := p[4+8-l%8 : len(p)-4] // type and data
	s.stage = stEncrypted
	switch body[0] {
	case ssh1PublicKey:
		if !isOrig {
			c.ssh1PublicKey(body[1:])
		}
	case ssh1SessionKey:
		c.h.Confirm()
	}
}
