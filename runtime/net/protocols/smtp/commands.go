package smtp

import (
	"fmt"
	"strings"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
	"github.com/gobro/gobro/runtime/value"
)

// The commands the analyser knows, in Zeek's order: cmdWords names them
// (the pseudo-commands too, which a client can even send by name, as in
// Zeek).
const (
	cmdEHLO = iota
	cmdHELO
	cmdMAIL
	cmdRCPT
	cmdDATA
	cmdQUIT
	cmdRSET
	cmdVRFY
	cmdEXPN
	cmdHELP
	cmdNOOP
	cmdSTARTTLS
	cmdXAnonymousTLS
	cmdConnEstablished // the server's greeting answers it
	cmdEndOfData       // the lone "." after mail data
	cmdSEND
	cmdSOML
	cmdSAML
	cmdTURN
	cmdBDAT
	cmdETRN
	cmdAUTH
	cmdAuthAnswer // a client line while authenticating
	cmdBDATLast   // BDAT with LAST: its reply ends the mail
	numCmds
)

var cmdWords = [numCmds]string{
	"EHLO", "HELO", "MAIL", "RCPT", "DATA", "QUIT", "RSET", "VRFY", "EXPN", "HELP", "NOOP",
	"STARTTLS", "X_ANONYMOUSTLS", "CONN_ESTABLISHMENT", "END_OF_DATA", "SEND", "SOML", "SAML",
	"TURN", "BDAT", "ETRN", "AUTH", "AUTH_ANSWER", "BDAT",
}

// cmdWord names a command code; -1 (a reply nothing asked for) is
// "(UNKNOWN)".
func cmdWord(code int) string {
	if code < 0 || code >= numCmds {
		return "(UNKNOWN)"
	}
	return cmdWords[code]
}

// parseCmd is the code of a command word, or -1.
func parseCmd(w string) int {
	if strings.EqualFold(w, "X-ANONYMOUSTLS") {
		return cmdXAnonymousTLS
	}
	for code, word := range cmdWords {
		if strings.EqualFold(w, word) {
			return code
		}
	}
	return -1
}

// Session states, Zeek's numbering (smtp_unexpected details show them).
const (
	stConnected    = iota // before the greeting
	stInitiated           // greeted: EHLO/HELO expected
	stNotAvailable        // greeted with 421 or 554
	stReady               // after EHLO/HELO
	stMailOK              // after MAIL
	stRcptOK              // after a RCPT
	stInData              // reading mail data
	stAfterData           // after the "." line
	stInAuth              // in an AUTH exchange
	stInTLS               // after STARTTLS: the rest is SSL's
	stQuit                // after QUIT
	stAfterGap            // bytes were lost
	stGapRecovery         // a reply after the gap
)

// maxPending is how many unanswered commands are kept; more is the weird
// smtp_excessive_pending_cmds and the queue starts over.
const maxPending = 1000

// session is the state Zeek's SMTP analyser keeps: the commands waiting
// for replies, the multi-line reply under way, the state machine, and
// the mail being received.
type session struct {
	state        int
	origIsSender bool // TURN swaps the roles
	firstCmd     int  // the command the next reply answers (-1: none)
	pending      []int
	lastReplied  int // the command the current reply answers
	pendingReply int // the code of a multi-line reply under way
	mail         *mail
	bdat         bdat // a mail sent in BDAT chunks (bdat.go)
	ssl          func(bool, []byte)
	offset       [2]uint64 // stream offsets, for gap reports
}

func (s *session) init() {
	s.origIsSender = true
	s.lastReplied = -1
	s.firstCmd = cmdConnEstablished
	s.state = stInitiated // the connection itself is the first command
}

// line handles one line of a direction.
func (a *Analyzer) line(isOrig bool, line []byte) {
	if isOrig == a.origIsSender {
		a.command(isOrig, line)
	} else {
		a.reply(isOrig, line)
	}
}

// command handles a line of the sender: a command, mail data, or an
// AUTH exchange's answer.
func (a *Analyzer) command(isOrig bool, line []byte) {
	var cmd, arg string
	code := -1
	switch {
	case a.state == stAfterGap:
		return // a command or data: there is no telling
	case a.state == stInData && len(line) == 1 && line[0] == '.':
		cmd, code = ".", cmdEndOfData
		a.newCmd(code)
	case a.state == stInData:
		if len(line) > 0 && line[0] == '.' {
			line = line[1:]
		}
		if a.mail == nil {
			a.beginData(isOrig)
		}
		a.mail.deliver(line)
		a.raise("smtp_data", value.Bool(isOrig), value.String(string(line)))
		return
	case a.state == stInAuth:
		// Zeek names the answer "**" and keeps the whole line.
		cmd, code, arg = "**", cmdAuthAnswer, string(line)
		a.newCmd(code)
	default:
		n := 0
		for n < len(line) && line[n] != 0 && !isSpace(line[n]) {
			n++
		}
		cmd = string(line[:n])
		arg = string(skipBlanks(line[n:]))
		if code = parseCmd(cmd); code < 0 {
			a.unexpected(true, "unknown command", cmd)
			return
		}
		if code == cmdBDAT {
			size, last, ok := parseBDAT(arg)
			if !ok {
				// As in Zeek: reported, answered, but no state change.
				a.unexpected(true, "invalid BDAT command", arg)
				a.newCmd(code)
				if a.h.Handled("smtp_request") {
					a.request(cmd, arg)
				}
				return
			}
			if last {
				code = cmdBDATLast
			}
			a.newCmd(code)
			if a.h.Handled("smtp_request") {
				a.request(cmd, arg)
			}
			a.updateState(code, 0, isOrig)
			if a.state == stRcptOK {
				a.startChunk(size, last, isOrig)
			}
			return
		}
		a.newCmd(code)
	}
	// The mail's events nest between DATA's request and the "." line's.
	if code == cmdEndOfData {
		a.updateState(code, 0, isOrig)
	}
	if a.h.Handled("smtp_request") && (cmd != "" || arg != "") {
		a.request(cmd, arg)
	}
	if code != cmdEndOfData {
		a.updateState(code, 0, isOrig)
	}
}

// request confirms the protocol and raises smtp_request. As in Zeek,
// this happens only when the event is handled.
func (a *Analyzer) request(cmd, arg string) {
	a.h.Confirm()
	a.h.Raise("smtp_request", value.Bool(a.origIsSender), value.String(mime.ASCIIUpper(cmd)), value.String(arg))
}

// newCmd queues a command for the reply that will answer it.
func (a *Analyzer) newCmd(code int) {
	if a.firstCmd < 0 {
		a.firstCmd = code
		return
	}
	if len(a.pending) == maxPending {
		a.weird("smtp_excessive_pending_cmds")
		a.pending = a.pending[:0]
	}
	a.pending = append(a.pending, code)
}

// reply handles a line of the receiver: "ddd text" ends a reply,
// "ddd-text" is a line of a multi-line one.
func (a *Analyzer) reply(isOrig bool, line []byte) {
	code := -1
	if len(line) >= 3 && isDigit(line[0]) && isDigit(line[1]) && isDigit(line[2]) {
		code = int(line[0]-'0')*100 + int(line[1]-'0')*10 + int(line[2]-'0')
	}
	if code < 100 || code > 599 {
		a.unexpected(isOrig == a.origIsSender, "reply code out of range", string(line))
		// Zeek reports the code after setting it to -1.
		a.h.Violation("reply code -1 out of range", line)
		return
	}
	if a.pendingReply != 0 && code != a.pendingReply {
		a.unexpected(false, "reply code does not match the continuing reply", string(line))
		a.pendingReply = 0
	}
	if a.pendingReply == 0 {
		a.newReply(code, isOrig)
	}
	var text []byte
	if len(line) > 3 && line[3] == '-' {
		a.pendingReply = code
		text = skipBlanks(line[4:])
	} else {
		a.pendingReply = 0
		text = skipBlanks(line[3:])
	}
	if a.h.Handled("smtp_reply") {
		cmd := cmdWord(a.lastReplied)
		switch a.lastReplied {
		case cmdConnEstablished:
			cmd = ">"
		case cmdEndOfData:
			cmd = "."
		}
		a.h.Raise("smtp_reply", value.Bool(isOrig), value.Count(uint64(code)), value.String(cmd),
			value.String(string(text)), value.Bool(a.pendingReply > 0))
	}
}

// newReply takes the command a new reply answers off the queue and
// moves the state machine.
func (a *Analyzer) newReply(code int, isOrig bool) {
	if a.state == stAfterGap {
		a.state = stGapRecovery
		if a.h.Handled("smtp_request") {
			a.request("(UNKNOWN)", "")
		}
	}
	cmd := a.firstCmd
	a.lastReplied, a.firstCmd = cmd, -1
	if len(a.pending) > 0 {
		a.firstCmd = a.pending[0]
		a.pending = a.pending[1:]
	}
	a.updateState(cmd, code, isOrig)
}

// gap: lost bytes end the mail under way and forget the queued
// commands; the session recovers at the next reply.
func (a *Analyzer) gap(isOrig bool, n uint64) {
	d := dir(isOrig)
	a.unexpected(isOrig == a.origIsSender, "content gap", fmt.Sprintf("seq = %d, len = %d", a.offset[d], n))
	a.offset[d] += n
	if a.bdat.left > 0 || a.bdat.last {
		a.endBDAT()
	}
	if a.state == stInData {
		if a.mail != nil {
			a.mail.gap(n)
		}
		a.endData()
	}
	a.pending = a.pending[:0]
	a.firstCmd, a.lastReplied = -1, -1
	a.state = stAfterGap
}

// unexpected raises smtp_unexpected; isSender says who sent the line.
func (a *Analyzer) unexpected(isSender bool, msg, detail string) {
	if a.h.Handled("smtp_unexpected") {
		isOrig := isSender == a.origIsSender
		a.h.Raise("smtp_unexpected", value.Bool(isOrig), value.String(msg), value.String(detail))
	}
}

func (a *Analyzer) unexpectedCommand(cmd, code int) {
	a.unexpected(true, "unexpected command", fmt.Sprintf("%s reply = %d state = %d", cmdWord(cmd), code, a.state))
}

func (a *Analyzer) unexpectedReply(cmd, code int) {
	a.unexpected(true, "unexpected reply", fmt.Sprintf("%d state = %d, last command = %s", code, a.state, cmdWord(cmd)))
}

// startTLS: the server agreed to STARTTLS. The rest is SSL's.
func (a *Analyzer) startTLS() {
	a.state = stInTLS
	a.ssl = a.h.StartTLS()
	a.raise("smtp_starttls")
}

func (a *Analyzer) beginData(isOrig bool) {
	a.state = stInData
	if a.mail != nil {
		a.weird("smtp_nested_mail_transaction")
		a.mail.done()
	}
	a.mail = newMail(a, isOrig)
}

func (a *Analyzer) endData() {
	if a.mail == nil {
		a.weird("smtp_unmatched_end_of_data")
		return
	}
	m := a.mail
	a.mail = nil
	m.done()
}

func skipBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

func isSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }
func isDigit(b byte) bool { return b >= '0' && b <= '9' }
