package irc

import (
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// reply handles a numeric reply. The codes Zeek knows raise their own
// event, and are parsed only when it is handled; the others raise
// irc_reply.
func (a *Analyzer) reply(isOrig bool, m message) {
	orig := value.Bool(isOrig)
	handled := func(event string) bool { return a.h.Handled(event) }
	switch m.code {
	case 251: // RPL_LUSERCLIENT
		if handled("irc_network_info") {
			users, services, servers := counts(m.params, "users", "users", "services", "servers")
			a.h.Raise("irc_network_info", orig, users, services, servers)
		}
	case 255: // RPL_LUSERME
		if handled("irc_server_info") {
			users, services, servers := counts(m.params, "users,", "clients", "services", "servers")
			a.h.Raise("irc_server_info", orig, users, services, servers)
		}
	case 254: // RPL_LUSERCHANNELS
		if handled("irc_channel_info") {
			_, chans, _ := counts(m.params, "", "", ":channels", "")
			a.h.Raise("irc_channel_info", orig, chans)
		}
	case 266: // RPL_GLOBALUSERS
		if handled("irc_global_users") {
			a.globalUsers(orig, m.params)
		}
	case 311: // RPL_WHOISUSER
		if handled("irc_whois_user_line") {
			a.whoisUser(orig, m.params)
		}
	case 313: // RPL_WHOISOPERATOR
		if handled("irc_whois_operator_line") {
			parts := dropFirstIfMore(splitWords(m.params, ' '))
			if len(parts) < 2 {
				a.weird("irc_invalid_whois_operator_line")
				return
			}
			a.h.Raise("irc_whois_operator_line", orig, str(parts[0]))
		}
	case 319: // RPL_WHOISCHANNELS
		if handled("irc_whois_channel_line") {
			parts := splitWords(m.params, ' ')
			if len(parts) > 0 {
				parts = parts[1:] // the nick asking
			}
			if len(parts) < 2 {
				a.weird("irc_invalid_whois_channel_line")
				return
			}
			chans := parts[1:]
			chans[0] = trimColon(chans[0])
			a.h.Raise("irc_whois_channel_line", orig, str(parts[0]), a.stringSet(chans, false))
		}
	case 332: // RPL_TOPIC
		if handled("irc_channel_topic") {
			parts := splitWords(m.params, ' ')
			i := strings.IndexByte(m.params, ':')
			if len(parts) < 4 || i < 0 {
				a.weird("irc_invalid_topic_reply")
				return
			}
			a.h.Raise("irc_channel_topic", orig, str(parts[1]), str(trimColon(m.params[i+1:])))
		}
	case 352: // RPL_WHOREPLY
		if handled("irc_who_line") {
			a.whoLine(orig, m.params)
		}
	case 353: // RPL_NAMREPLY
		if handled("irc_names_info") {
			a.names(orig, m.params)
		}
	case 431, 432, 433, 436: // the nick was refused
		a.raise("irc_invalid_nick", orig)
	case 381, 491: // RPL_YOUREOPER, ERR_NOOPERHOST
		a.raise("irc_oper_response", orig, value.Bool(m.code == 381))
	default:
		if handled("irc_reply") {
			a.h.Raise("irc_reply", orig, str(m.prefix), value.Count(uint64(m.code)), str(m.params))
		}
	}
}

// counts finds the numbers before the words naming them in a LUSER
// reply ("42 users and 3 services on 2 servers"): a word equal to users
// or users2 names the first count, services the second, servers the
// third. A count not named is 0; the last naming wins.
func counts(params, users, users2, services, servers string) (u, s, v value.Value) {
	var n [3]int64
	parts := splitWords(params, ' ')
	for i := 1; i < len(parts); i++ {
		switch p := parts[i]; {
		case p == users || p == users2:
			n[0] = atoi(parts[i-1])
		case p == services:
			n[1] = atoi(parts[i-1])
		case p == servers:
			n[2] = atoi(parts[i-1])
		}
	}
	return value.Int(n[0]), value.Int(n[1]), value.Int(n[2])
}

func dropFirstIfMore(parts []string) []string {
	if len(parts) > 1 {
		return parts[1:]
	}
	return parts
}

// globalUsers: "<anything> ... :<message>"; the prefix argument is the
// parameters up to the first blank.
func (a *Analyzer) globalUsers(orig value.Value, params string) {
	params = cstr(params)
	sp := strings.IndexByte(params, ' ')
	if sp < 0 {
		a.weird("invalid_irc_global_users_reply")
		return
	}
	colon := strings.IndexByte(params[sp+1:], ':')
	if colon < 0 {
		a.weird("invalid_irc_global_users_reply")
		return
	}
	a.h.Raise("irc_global_users", orig, value.String(params[:sp]), value.String(params[sp+1+colon+1:]))
}

// whoisUser: "<me> <nick> <user> <host> * :<real name>".
func (a *Analyzer) whoisUser(orig value.Value, params string) {
	parts := dropFirstIfMore(splitWords(params, ' '))
	if len(parts) < 5 {
		a.weird("irc_invalid_whois_user_line")
		return
	}
	real := trimColon(strings.Join(parts[4:], " "))
	a.h.Raise("irc_whois_user_line", orig, str(parts[0]), str(parts[1]), str(parts[2]), str(real))
}

// whoLine: "<me> <channel> <user> <host> <server> <nick> <flags>
// :<hops> <real name>"; the user loses a leading '~', and the real name
// is its first word only, as in Zeek.
func (a *Analyzer) whoLine(orig value.Value, params string) {
	p := splitWords(params, ' ')
	if len(p) < 9 {
		a.weird("irc_invalid_who_line")
		return
	}
	user := strings.TrimPrefix(p[2], "~")
	a.h.Raise("irc_who_line", orig, str(p[0]), str(p[1]), str(user), str(p[3]), str(p[4]), str(p[5]), str(p[6]),
		value.Int(atoi(trimColon(p[7]))), str(p[8]))
}

// names: "<me> <type> <channel> :<nick> <@nick> ..."; nicks lose a
// leading '@'.
func (a *Analyzer) names(orig value.Value, params string) {
	p := splitWords(params, ' ')
	if len(p) < 3 {
		a.weird("irc_invalid_names_line")
		return
	}
	kind, channel, users := p[1], p[2], p[3:]
	if len(users) > 0 {
		users[0] = trimColon(users[0])
	}
	for i, u := range users {
		users[i] = strings.TrimPrefix(u, "@")
	}
	a.h.Raise("irc_names_info", orig, str(kind), str(channel), a.stringSet(users, false))
}

// stringSet is a string_set of words; cut says to cut each at a NUL as
// Zeek does where it passes C strings.
func (a *Analyzer) stringSet(words []string, cut bool) value.Value {
	tt, _ := a.h.Type("string_set").(*types.TableType)
	if tt == nil {
		return value.None
	}
	t := value.NewTable(tt)
	for _, w := range words {
		if cut {
			w = cstr(w)
		}
		t.Add1(value.String(w))
	}
	return value.Value{P: t}
}
