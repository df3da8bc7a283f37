package irc

import (
	"encoding/binary"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// command handles a command word. Each command with an event of its own
// is taken apart only when that event is handled; otherwise, like any
// other command, it raises irc_request (from the client) or irc_message
// (from the server), as Zeek does.
func (a *Analyzer) command(isOrig bool, m message) {
	orig := value.Bool(isOrig)
	handled := a.h.Handled
	p := m.params
	switch {
	case m.command == "PRIVMSG" && (handled("irc_privmsg_message") || handled("irc_dcc_message")):
		a.privmsg(orig, m)
	case m.command == "NOTICE" && handled("irc_notice_message"):
		a.targeted(orig, "irc_notice_message", "irc_invalid_notice_message_format", m)
	case m.command == "SQUERY" && handled("irc_squery_message"):
		a.targeted(orig, "irc_squery_message", "irc_invalid_squery_message_format", m)
	case m.command == "USER" && handled("irc_user_message"):
		a.user(orig, p)
	case m.command == "OPER" && handled("irc_oper_message"):
		parts := splitWords(p, ' ')
		if len(parts) != 2 {
			a.weird("irc_invalid_oper_message_format")
			return
		}
		a.h.Raise("irc_oper_message", orig, str(parts[0]), str(parts[1]))
	case m.command == "KICK" && handled("irc_kick_message"):
		parts := splitWords(p, ' ')
		if len(parts) <= 1 {
			a.weird("irc_invalid_kick_message_format")
			return
		}
		comment := ""
		if len(parts) > 2 {
			comment = trimColon(strings.Join(parts[2:], " "))
		}
		a.h.Raise("irc_kick_message", orig, str(m.prefix), str(parts[0]), str(parts[1]), str(comment))
	case m.command == "JOIN" && handled("irc_join_message"):
		a.join(orig, m)
	case m.command == "NJOIN" && handled("irc_join_message"):
		a.njoin(orig, p)
	case m.command == "PART" && handled("irc_part_message"):
		a.part(orig, m)
	case m.command == "QUIT" && handled("irc_quit_message"):
		a.h.Raise("irc_quit_message", orig, str(nickOf(m.prefix)), str(trimColon(p)))
	case m.command == "NICK" && handled("irc_nick_message"):
		a.h.Raise("irc_nick_message", orig, str(m.prefix), str(trimColon(p)))
	case m.command == "WHO" && handled("irc_who_message"):
		parts := splitWords(p, ' ')
		if len(parts) > 2 {
			a.weird("irc_invalid_who_message_format")
			return
		}
		mask := ""
		if len(parts) > 0 {
			mask = trimColon(parts[0])
		}
		a.h.Raise("irc_who_message", orig, str(mask), value.Bool(len(parts) == 2 && parts[1] == "o"))
	case m.command == "WHOIS" && handled("irc_whois_message"):
		parts := splitWords(p, ' ')
		if len(parts) < 1 || len(parts) > 2 {
			a.weird("irc_invalid_whois_message_format")
			return
		}
		server, users := "", parts[0]
		if len(parts) == 2 {
			server, users = parts[0], parts[1]
		}
		a.h.Raise("irc_whois_message", orig, str(server), str(users))
	case m.command == "ERROR" && handled("irc_error_message"):
		a.h.Raise("irc_error_message", orig, str(m.prefix), str(trimColon(p)))
	case m.command == "INVITE" && handled("irc_invite_message"):
		parts := splitWords(p, ' ')
		if len(parts) != 2 {
			a.weird("irc_invalid_invite_message_format")
			return
		}
		a.h.Raise("irc_invite_message", orig, str(m.prefix), str(parts[0]), str(trimColon(parts[1])))
	case m.command == "MODE" && handled("irc_mode_message"):
		if p == "" {
			a.weird("irc_invalid_mode_message_format")
			return
		}
		a.h.Raise("irc_mode_message", orig, str(m.prefix), str(p))
	case m.command == "PASS" && handled("irc_password_message"):
		a.h.Raise("irc_password_message", orig, str(p))
	case m.command == "SQUIT" && handled("irc_squit_message"):
		server, msg, found := strings.Cut(p, " ")
		if found {
			msg = trimColon(skipSpaces(msg))
		}
		a.h.Raise("irc_squit_message", orig, str(m.prefix), str(server), str(msg))
	case isOrig:
		a.raise("irc_request", orig, str(m.prefix), str(m.command), str(p))
	default:
		a.raise("irc_message", orig, str(m.prefix), str(m.command), str(p))
	}
}

// splitTarget cuts "<target> <message>" and drops blanks and one colon
// before the message; ok is false without a blank.
func splitTarget(params string) (target, msg string, ok bool) {
	target, msg, ok = strings.Cut(params, " ")
	return target, trimColon(skipSpaces(msg)), ok
}

// targeted raises NOTICE and SQUERY: source, target, message.
func (a *Analyzer) targeted(orig value.Value, event, bad string, m message) {
	target, msg, ok := splitTarget(m.params)
	if !ok {
		a.weird(bad)
		return
	}
	a.h.Raise(event, orig, str(m.prefix), str(target), str(msg))
}

// privmsg raises irc_privmsg_message, or irc_dcc_message for a CTCP DCC
// request ("\x01DCC SEND <file> <ip as a number> <port> [<size>]\x01").
func (a *Analyzer) privmsg(orig value.Value, m message) {
	target, msg, ok := splitTarget(m.params)
	if !ok {
		a.weird("irc_invalid_privmsg_message_format")
		return
	}
	msg = strings.TrimPrefix(msg, "\x01")
	if len(msg) <= 3 || !strings.HasPrefix(msg, "DCC") {
		a.raise("irc_privmsg_message", orig, str(m.prefix), str(target), str(msg))
		return
	}
	parts := splitWords(strings.TrimSuffix(msg, "\x01"), ' ')
	// Turbo DCC adds a seventh word, "T".
	if (len(parts) < 5 || len(parts) > 6) && !(len(parts) == 7 && parts[6] == "T") {
		a.weird("irc_invalid_dcc_message_format")
		return
	}
	if !a.h.Handled("irc_dcc_message") {
		return
	}
	size := value.Count(0)
	if len(parts) >= 6 {
		size = value.Int(atoi(parts[5]))
	}
	a.h.Raise("irc_dcc_message", orig, str(m.prefix), str(target), str(parts[1]), str(parts[2]),
		value.Addr(dccAddr(parts[3])), value.Int(atoi(parts[4])), size)
}

// dccAddr is the IPv4 address a DCC request gives as one decimal number.
// As in Zeek, every byte counts as a digit (non-digits as 0) and the
// number wraps at 32 bits.
func dccAddr(s string) netip.Addr {
	var n uint32
	for i := 0; i < len(s); i++ {
		d := uint32(0)
		if isDigit(s[i]) {
			d = uint32(s[i] - '0')
		}
		n = n*10 + d
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], n)
	return netip.AddrFrom4(b)
}

// user: "USER <user> <host> <server> :<real name>". Zeek glues the words
// of the real name together and puts a blank after every word but the
// first ("Real Name Here" becomes "RealName Here "); so do we, for the
// same logs.
func (a *Analyzer) user(orig value.Value, params string) {
	parts := splitWords(params, ' ')
	word := func(i int) value.Value {
		if i < len(parts) {
			return str(parts[i])
		}
		return value.String("")
	}
	var real strings.Builder
	for i := 3; i < len(parts); i++ {
		real.WriteString(parts[i])
		if i > 3 {
			real.WriteByte(' ')
		}
	}
	a.h.Raise("irc_user_message", orig, word(0), word(1), word(2), str(trimColon(cstr(real.String()))))
}

// join: "JOIN <chan>{,<chan>} [<key>{,<key>}]", one irc_join_info per
// channel with its key ("" without); the nick comes from the prefix.
func (a *Analyzer) join(orig value.Value, m message) {
	parts := splitWords(trimColon(m.params), ' ')
	if len(parts) < 1 {
		a.weird("irc_invalid_join_line")
		return
	}
	var keys []string
	if len(parts) > 1 {
		keys = splitWords(parts[1], ',')
	}
	list := a.joinList()
	if list == nil {
		return
	}
	for i, ch := range splitWords(parts[0], ',') {
		key := ""
		if i < len(keys) {
			key = keys[i]
		}
		a.addJoin(list, nickOf(m.prefix), ch, key, "")
	}
	a.h.Raise("irc_join_message", orig, value.Value{P: list})
}

// njoin: the server-to-server "NJOIN <chan> :[@@|@|+]<nick>{,...}", the
// marks giving the user mode (creator, operator, voice, none).
func (a *Analyzer) njoin(orig value.Value, params string) {
	parts := splitWords(params, ' ')
	if len(parts) != 2 {
		a.weird("irc_invalid_njoin_line")
		return
	}
	list := a.joinList()
	if list == nil {
		return
	}
	for _, nick := range splitWords(trimColon(parts[1]), ',') {
		mode := "none"
		switch {
		case strings.HasPrefix(nick, "@@"):
			nick, mode = nick[2:], "creator"
		case strings.HasPrefix(nick, "@"):
			nick, mode = nick[1:], "operator"
		case strings.HasPrefix(nick, "+"):
			nick, mode = nick[1:], "voice"
		}
		a.addJoin(list, nick, parts[0], "", mode)
	}
	a.h.Raise("irc_join_message", orig, value.Value{P: list})
}

func (a *Analyzer) joinList() *value.Table {
	tt, _ := a.h.Type("irc_join_list").(*types.TableType)
	if tt == nil {
		return nil
	}
	return value.NewTable(tt)
}

func (a *Analyzer) addJoin(list *value.Table, nick, channel, password, mode string) {
	r := a.h.NewRecord("irc_join_info")
	if r == nil {
		return
	}
	r.Set("nick", str(nick))
	r.Set("channel", str(channel))
	r.Set("password", str(password))
	r.Set("usermode", str(mode))
	list.Add1(value.Value{P: r})
}

// part: "PART <chan>{,<chan>} [:<message>]"; the nick is the prefix up to
// its '!' (all of it without one).
func (a *Analyzer) part(orig value.Value, m message) {
	chans, msg, found := strings.Cut(m.params, " ")
	if found {
		msg = trimColon(skipSpaces(msg))
	}
	nick := m.prefix
	if i := strings.IndexByte(nick, '!'); i >= 0 {
		nick = nick[:i]
	}
	a.h.Raise("irc_part_message", orig, str(nick), a.stringSet(splitWords(chans, ','), false), str(msg))
}
