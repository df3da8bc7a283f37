package engine

// The protocol analysers, linked in for their registrations.
import (
	_ "github.com/gobro/gobro/runtime/net/protocols/dns"
	_ "github.com/gobro/gobro/runtime/net/protocols/ftp"
	_ "github.com/gobro/gobro/runtime/net/protocols/http"
	_ "github.com/gobro/gobro/runtime/net/protocols/irc"
	_ "github.com/gobro/gobro/runtime/net/protocols/ntp"
	_ "github.com/gobro/gobro/runtime/net/protocols/smtp"
	_ "github.com/gobro/gobro/runtime/net/protocols/ssh"
	_ "github.com/gobro/gobro/runtime/net/protocols/ssl"
)
