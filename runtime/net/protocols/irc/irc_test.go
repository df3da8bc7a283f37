package irc

import (
	"strings"
	"testing"
)

type step struct {
	orig bool
	data string
}

func c(s string) step { return step{true, s} }
func s(s string) step { return step{false, s} }

func run(t *testing.T, f *fake, steps []step, want ...string) {
	t.Helper()
	a := New(f)
	for _, st := range steps {
		if f.removed {
			break
		}
		a.Deliver(st.orig, []byte(st.data))
	}
	if !f.removed {
		a.EndOfData(true)
		a.EndOfData(false)
	}
	a.Done()
	if got := strings.Join(f.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// A client session: every client line that gets past its prefix
// confirms; registration, channels and messages raise their events with
// Zeek's argument values (USER's real name glued as Zeek glues it),
// other commands irc_request, other server commands irc_message.
func TestSession(t *testing.T) {
	run(t, &fake{}, []step{
		c("NICK alice\r\nUSER alice 0 * :Alice Liddell Here\r\n"),
		s(":srv 001 alice :Welcome\r\n"),
		c("JOIN #a,#b key1\r\n"),
		s(":alice!u@h JOIN :#a\r\n"),
		c("PRIVMSG #a :hello there\r\n"),
		s(":bob!u@h NOTICE alice :psst\r\n"),
		c("PART #a,#b :bye now\r\n"),
		c("PING :x\r\n"),
		s(":srv PONG srv :x\r\n"),
		c("QUIT :gone\r\n"),
		s(":alice!u@h QUIT :gone\r\n"),
	},
		"confirm", `irc_nick_message(1, "", "alice")`,
		"confirm", `irc_user_message(1, "alice", "0", "*", "AliceLiddell Here ")`,
		`irc_reply(0, "srv", 1, "alice :Welcome")`,
		"confirm", `irc_join_message(1, {["" "#a" "key1" ""] ["" "#b" "" ""]})`,
		`irc_join_message(0, {["alice" "#a" "" ""]})`,
		"confirm", `irc_privmsg_message(1, "", "#a", "hello there")`,
		`irc_notice_message(0, "bob!u@h", "alice", "psst")`,
		"confirm", `irc_part_message(1, "", {"#a" "#b"}, "bye now")`,
		"confirm", `irc_request(1, "", "PING", ":x")`,
		`irc_message(0, "srv", "PONG", "srv :x")`,
		"confirm", `irc_quit_message(1, "", "gone")`,
		`irc_quit_message(0, "alice", "gone")`)
}

// Unhandled events fall back to irc_request / irc_message, as in Zeek;
// a reply whose own event is unhandled raises nothing.
func TestUnhandledFallBack(t *testing.T) {
	f := &fake{unhandled: map[string]bool{"irc_nick_message": true, "irc_names_info": true, "irc_message": true}}
	run(t, f, []step{c("nick bob\r\n"), s(":srv 353 bob = #a :@bob x\r\n"), s(":bob!u@h NICK :b2\r\n")},
		"confirm", `irc_request(1, "", "NICK", "bob")`)
}

// Replies Zeek parses: names (one '@' dropped per nick), counts, whois
// and who lines, topics, refused nicks, oper responses.
func TestReplies(t *testing.T) {
	run(t, &fake{}, []step{s(
		":srv 353 me = #chan :@op +v plain\r\n" +
			":srv 251 me :There are 12 users and 3 services on 2 servers\r\n" +
			":srv 255 me :I have 7 clients and 1 servers\r\n" +
			":srv 254 me 42 :channels formed\r\n" +
			":srv 266 me :Current global users: 9\r\n" +
			":srv 311 me bob ~b host.example * :Bob the Builder\r\n" +
			":srv 313 me bob :is an IRC operator\r\n" +
			":srv 319 me bob :@#a #b\r\n" +
			":srv 332 me #a :the: topic\r\n" +
			":srv 352 me #a ~bob host srv bob H :3 Bob Builder\r\n" +
			":srv 433 * bob :Nickname is already in use\r\n" +
			":srv 381 me :You are now an IRC operator\r\n" +
			":srv 491 me :No O-lines\r\n")},
		`irc_names_info(0, "=", "#chan", {"+v" "op" "plain"})`,
		`irc_network_info(0, 12, 3, 2)`,
		`irc_server_info(0, 7, 0, 1)`,
		`irc_channel_info(0, 42)`,
		`irc_global_users(0, "me", "Current global users: 9")`,
		`irc_whois_user_line(0, "bob", "~b", "host.example", "Bob the Builder")`,
		`irc_whois_operator_line(0, "bob")`,
		`irc_whois_channel_line(0, "bob", {"#b" "@#a"})`,
		`irc_channel_topic(0, "#a", "the: topic")`,
		`irc_who_line(0, "me", "#a", "bob", "host", "srv", "bob", "H", 3, "Bob")`,
		`irc_invalid_nick(0)`,
		`irc_oper_response(0, 1)`,
		`irc_oper_response(0, 0)`)
}

// Malformed lines: weirds, and violations where Zeek reports them; the
// client's lines confirm once past the prefix. A malformed 353 is the
// weird irc_invalid_names_line only when irc_names_info is handled.
func TestMalformed(t *testing.T) {
	run(t, &fake{}, []step{
		c("ab\r\n"), c(":prefixonly\r\n"), c(":p x\r\n"), c("12x3 y\r\n"),
		c(strings.Repeat("A", 21) + " x\r\n"), s(":srv 353 me =\r\n"),
		s(":srv 352 me short\r\n"), s(":srv 332 me #a no topic\r\n"),
		c("PRIVMSG nobody\r\n"), c("OPER a\r\n"), c("MODE\r\n"),
		c("PRIVMSG bob :\x01DCC SEND f 1 2 3 4 5 6\x01\r\n"),
	},
		"weird IRC irc_line_too_short",
		"weird IRC irc_invalid_line",
		"confirm", "weird IRC irc_invalid_line", `violation line too short ":p x"`,
		"confirm", "weird IRC irc_invalid_reply_number", `violation invalid reply number "12x3 y"`,
		"confirm", "weird IRC irc_invalid_command",
		"weird IRC irc_invalid_names_line",
		"weird IRC irc_invalid_who_line",
		"weird IRC irc_invalid_topic_reply",
		"confirm", "weird IRC irc_invalid_privmsg_message_format",
		"confirm", "weird IRC irc_invalid_oper_message_format",
		"confirm", "weird IRC irc_invalid_mode_message_format",
		"confirm", "weird IRC irc_invalid_dcc_message_format")
	run(t, &fake{unhandled: map[string]bool{"irc_names_info": true}}, []step{s(":srv 353 me =\r\n")})
	// Lines over 512 bytes are a weird; over 1000, CONTENTLINE cuts them.
	run(t, &fake{}, []step{s(strings.Repeat("x", 513) + "\n" + strings.Repeat("y", 1001) + "\n")},
		"weird IRC irc_line_size_exceeded",
		"weird CONTENTLINE contentline_size_exceeded", "weird IRC irc_line_size_exceeded",
		// The byte that did not fit is lost; its LF ends an empty line.
		"weird IRC irc_line_too_short")
}

// More than 20 overlong command words is a violation (each a weird).
func TestTooManyInvalid(t *testing.T) {
	long := strings.Repeat("B", 21)
	var want []string
	for i := 0; i < 21; i++ {
		want = append(want, "confirm", "weird IRC irc_invalid_command")
	}
	want = append(want, "weird IRC irc_too_many_invalid", `violation too many long lines "`+long+`"`)
	run(t, &fake{}, []step{c(strings.Repeat(long+"\n", 21))}, want...)
}

// Line ends: CRLF, lone LF, lone CR (a weird once per connection when
// text follows it), a CRLF split across deliveries, a partial last line.
func TestLineEnds(t *testing.T) {
	run(t, &fake{}, []step{c("PASS a\rPASS b\nPASS c\r"), c("\nPASS d\r\n"), c("PASS e\rPASS f")},
		"confirm", `irc_password_message(1, "a")`,
		"weird CONTENTLINE line_terminated_with_single_CR",
		"confirm", `irc_password_message(1, "b")`,
		"confirm", `irc_password_message(1, "c")`,
		"confirm", `irc_password_message(1, "d")`,
		"confirm", `irc_password_message(1, "e")`,
		"confirm", `irc_password_message(1, "f")`)
}

// DCC: a CTCP DCC SEND offer; the address is one decimal number, the
// size optional; a plain CTCP stays a privmsg without its \x01.
func TestDCC(t *testing.T) {
	run(t, &fake{}, []step{
		s(":bob!u@h PRIVMSG alice :\x01DCC SEND file.zip 3232235777 5000 1234\x01\r\n"),
		s(":bob!u@h PRIVMSG alice :\x01DCC CHAT chat 167772161 6000\x01\r\n"),
		s(":bob!u@h PRIVMSG alice :\x01VERSION\x01\r\n"),
	},
		`irc_dcc_message(0, "bob!u@h", "alice", "SEND", "file.zip", 192.168.1.1, 5000, 1234)`,
		`irc_dcc_message(0, "bob!u@h", "alice", "CHAT", "chat", 10.0.0.1, 6000, 0)`,
		`irc_privmsg_message(0, "bob!u@h", "alice", "VERSION\x01")`)
}

// Other commands with events: KICK, WHO, WHOIS, ERROR, INVITE, MODE,
// SQUIT, SQUERY, OPER, NJOIN (user modes from the marks).
func TestCommands(t *testing.T) {
	run(t, &fake{}, []step{s(
		":op KICK #a bob :go away now\r\n" +
			"WHO :*.fi o\r\n" +
			"WHOIS srv bob\r\n" +
			"ERROR :Closing Link\r\n" +
			":bob INVITE alice :#a\r\n" +
			":bob MODE #a +o alice\r\n" +
			":srv SQUIT other.srv :bye\r\n" +
			"SQUERY svc :help\r\n" +
			"OPER me pw\r\n" +
			":srv NJOIN #a :@@c,@o,+v,n\r\n")},
		`irc_kick_message(0, "op", "#a", "bob", "go away now")`,
		`irc_who_message(0, "*.fi", 1)`,
		`irc_whois_message(0, "srv", "bob")`,
		`irc_error_message(0, "", "Closing Link")`,
		`irc_invite_message(0, "bob", "alice", "#a")`,
		`irc_mode_message(0, "bob", "#a +o alice")`,
		`irc_squit_message(0, "srv", "other.srv", "bye")`,
		`irc_squery_message(0, "", "svc", "help")`,
		`irc_oper_message(0, "me", "pw")`,
		`irc_join_message(0, {["c" "#a" "" "creator"] ["n" "#a" "" "none"] ["o" "#a" "" "operator"] ["v" "#a" "" "voice"]})`)
}

// STARTTLS: the client's command raises nothing; the 670 reply raises
// irc_starttls, starts SSL, hands it the rest of that delivery and
// removes the IRC analyser.
func TestStartTLS(t *testing.T) {
	run(t, &fake{}, []step{c("STARTTLS\r\n"), s(":srv 670 me :STARTTLS successful\r\n\x16\x03\x01"), s("more")},
		"confirm", "start SSL", "irc_starttls()", `SSL false "\x16\x03\x01"`, "remove")
	run(t, &fake{noSSL: true}, []step{s(":srv 670 me :go\r\nrest")},
		"start SSL", "irc_starttls()", "remove")
}

func TestAtoi(t *testing.T) {
	for in, want := range map[string]int64{"42": 42, " -7x": -7, "x": 0, "+3": 3, "4294967297": 1, "99999999999999999999": -1, "-99999999999999999999": 0} {
		if got := atoi(in); got != want {
			t.Errorf("atoi(%q) = %d, want %d", in, got, want)
		}
	}
}
