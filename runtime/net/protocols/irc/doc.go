// Package irc holds the IRC analysers: IRC, the chat connection (Zeek's
// ANALYZER_IRC), and IRC_DATA, a DCC file transfer (Zeek's
// ANALYZER_IRC_DATA).
//
// The chat connection is split into lines as Zeek's CONTENTLINE support
// analyser does (CR, LF and CRLF end a line, at most 1000 bytes, see
// lines.go). Each line is one message, taken apart as Zeek's IRC
// analyser does (parse.go): an optional ":prefix", then a three-digit
// reply code or a command word, then the parameters as one string.
// Replies raise irc_reply or, for the codes Zeek knows, their own event
// (replies.go); commands raise their own event when a script handles it
// and irc_request (client) or irc_message (server) otherwise
// (commands.go). Like Zeek, the analyser builds an event's arguments,
// and for most replies even parses the line, only when the event is
// handled: a malformed line's weird depends on the scripts loaded.
//
// STARTTLS: after the server's 670 reply the connection is TLS. The
// analyser raises irc_starttls, starts an SSL analyser on the rest of the
// connection (Zeek makes it a child of IRC; here it runs beside it, which
// the scripts cannot tell apart) and removes itself.
//
// Server-to-server links that negotiate compression (Zeek's ZIP support
// analyser) are not decompressed: their compressed lines are garbage to
// the parser, which reports them as weirds.
package irc
