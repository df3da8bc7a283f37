package ftp

import (
	"bytes"
	"strconv"

	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "FTP", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return newControl(ctxHost{ctx}, maxCommandLength(ctx))
	}})
}

// host is what the control analyser needs of its connection and the
// scripts: an *analyzer.Context in a run (ctxHost), a fake in tests.
type host interface {
	analyzer.Basics
	Confirmed() bool
	// Weird reports a conn weird seen by source ("FTP", or "NVT" for
	// the line splitting); LimitWeird also marks the history with 'X'.
	Weird(source, name, addl string)
	LimitWeird(source, name, addl string)
}

type ctxHost struct{ *analyzer.Context }

func (h ctxHost) Weird(source, name, addl string) { h.Context.WeirdFrom(source, name, addl) }

func (h ctxHost) LimitWeird(source, name, addl string) {
	h.Conn.AddLimitHistory()
	h.Weird(source, name, addl)
}

// maxCommandLength is FTP::max_command_length (100 unless redefined; 0
// means no limit).
func maxCommandLength(ctx *analyzer.Context) int {
	if v, ok := ctx.Global("FTP::max_command_length"); ok {
		return int(v.Count())
	}
	return 100
}

// Weirds Zeek reports once per connection.
const (
	flagCR = 1 << iota
	flagNUL
)

// control is the FTP analyser of one control connection.
type control struct {
	h      host
	maxCmd int
	lines  [2]splitter // 0: client, 1: server
	flags  uint8       // once-per-connection weirds reported

	// pendingReply is the code of the multi-line reply under way (0:
	// none).
	pendingReply int
	// authRequested is the argument of the client's last AUTH.
	authRequested string
	// tls: the server accepted AUTH TLS; the rest is encrypted and
	// not parsed.
	tls bool
}

func newControl(h host, maxCmd int) *control {
	c := &control{h: h, maxCmd: maxCmd}
	c.lines[0].a, c.lines[1].a = c, c
	return c
}

func dir(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

func (c *control) Deliver(isOrig bool, data []byte) {
	if c.tls {
		return
	}
	c.lines[dir(isOrig)].feed(data, func(line []byte) { c.line(isOrig, line) })
}

// Gap: the bytes are lost; a line under way simply goes on, as in Zeek.
func (c *control) Gap(isOrig bool, n uint64) {}

func (c *control) EndOfData(isOrig bool) {
	if c.tls {
		return
	}
	c.lines[dir(isOrig)].flush(func(line []byte) { c.line(isOrig, line) })
}

func (c *control) Done() {}

func (c *control) weirdOnce(flag uint8, source, name string) {
	if c.flags&flag == 0 {
		c.flags |= flag
		c.h.Weird(source, name, "")
	}
}

func (c *control) limitWeird(source, name, addl string) { c.h.LimitWeird(source, name, addl) }

func (c *control) line(isOrig bool, line []byte) {
	if len(line) == 0 || c.tls {
		return
	}
	if isOrig {
		c.request(line)
	} else {
		c.reply(line)
	}
}

// request handles a client line: the first word is the command, the
// rest after blanks its argument. A line whose first word is no command
// (shorter than three bytes, or not printable) is ignored, a weird once
// the protocol is confirmed; so is an overlong command.
func (c *control) request(line []byte) {
	rest := skipBlanks(line)
	n := 0
	for n < len(rest) && rest[n] != 0 && !isSpace(rest[n]) {
		n++
	}
	cmd := rest[:n]
	arg := skipBlanks(rest[n:])
	if !isCommand(cmd) {
		if c.h.Confirmed() {
			c.h.Weird("FTP", "FTP_invalid_command", "")
		}
		return
	}
	if c.maxCmd > 0 && len(cmd) > c.maxCmd {
		if c.h.Confirmed() {
			c.h.LimitWeird("FTP", "FTP_max_command_length_exceeded", strconv.Itoa(len(cmd))+" > "+strconv.Itoa(c.maxCmd))
		}
		return
	}
	upper := bytes.ToUpper(cmd)
	// The confirmation's event comes before the request's, as in Zeek.
	c.h.Confirm()
	if c.h.Handled("ftp_request") {
		c.h.Raise("ftp_request", value.String(string(upper)), value.String(string(arg)))
	}
	// Zeek compares the command with AUTH over the command's length
	// only, so a prefix of AUTH counts too.
	if bytes.HasPrefix([]byte("AUTH"), upper) {
		c.authRequested = string(arg)
	}
}

// reply handles a server line: "ddd text" is a reply, "ddd-text" opens
// a multi-line reply, which ends at a line with the same code and a
// blank; the lines in between are raised with code 0 and cont_resp T.
// Outside a multi-line reply, a line without a valid code breaks the
// protocol.
func (c *control) reply(line []byte) {
	code := replyCode(line)
	text := line
	cont := false
	if c.pendingReply != 0 {
		if code == c.pendingReply && len(line) > 3 && line[3] == ' ' {
			text = skipBlanks(line[3:])
			c.pendingReply = 0
		} else {
			cont, code = true, 0
		}
	} else {
		switch {
		case code == 0:
			c.h.Violation("non-numeric reply code", line)
			return
		case code < 100:
			c.h.Violation("invalid reply code", line)
			return
		case len(line) > 3 && line[3] == '-':
			c.pendingReply = code
			text = skipBlanks(line[4:])
			cont = true
		case len(line) > 3 && line[3] != ' ':
			c.h.Violation("invalid reply line", line)
			return
		default:
			text = skipBlanks(line[3:])
		}
	}
	if c.h.Handled("ftp_reply") {
		c.h.Raise("ftp_reply", value.Count(uint64(code)), value.String(string(text)), value.Bool(cont))
	}
	if code == 234 && c.authRequested == "TLS" {
		// The rest is TLS, which Zeek hands to an SSL analyser; ours
		// cannot be stacked on a stream yet, so analysis stops here.
		if c.h.Handled("ftp_starttls") {
			c.h.Raise("ftp_starttls")
		}
		c.tls = true
	}
}

// replyCode is the number of a line's three leading digits, or 0.
func replyCode(line []byte) int {
	if len(line) < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) {
		return 0
	}
	return int(line[0]-'0')*100 + int(line[1]-'0')*10 + int(line[2]-'0')
}

// isCommand: a command word has at least three printable, non-blank
// bytes.
func isCommand(w []byte) bool {
	if len(w) < 3 {
		return false
	}
	for _, b := range w {
		if b <= ' ' || b > '~' {
			return false
		}
	}
	return true
}

func skipBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

func isSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }
func isDigit(b byte) bool { return b >= '0' && b <= '9' }
