// Package ntp is the NTP protocol analyser (Zeek's ANALYZER_NTP): each
// UDP datagram is one NTP message, raised as ntp_message with an
// NTP::Message record whose std_msg, control_msg or mode7_msg is set by
// the mode: 1 to 5 are the standard time messages (RFC 5905), 6 the
// control messages ntpq speaks (RFC 1119), 7 ntpd's private messages.
//
// The parser reproduces Zeek's, including its leniency, since the logs
// and the service detection depend on it: the version is not checked,
// mode 0 is a message with neither part, bytes after a message are
// ignored, and only a datagram too short for its mode's fields (or
// extension fields whose lengths do not add up) is a violation. A
// message in server mode from the originator, or in client mode from
// the responder, flips the connection's roles, once per direction.
package ntp
