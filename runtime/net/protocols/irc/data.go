package irc

import "github.com/gobro/gobro/runtime/net/protocols/datachannel"

// IRC_DATA: the transfer connection a DCC SEND offers.
func init() { datachannel.Register("IRC_DATA") }
