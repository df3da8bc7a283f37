// Package ssl is the SSL/TLS protocol analyser (Zeek's "SSL").
//
// Each TCP direction is cut into records (TLS's 5-byte header, or SSLv2's
// 2-byte one for an SSLv2-compatible hello); handshake records are joined
// into handshake messages, which may span records and TCP segments. What
// the handshake shows becomes Zeek's ssl_* events: the hellos and their
// extensions, key exchange parameters, alerts, ChangeCipherSpec, and
// ssl_established at the first encrypted record once both sides have
// switched to encryption. Certificates are handed to the scripts one by
// one through SSL::__certificate (base/protocols/ssl/files.zeek turns
// them into the file and x509 events).
//
// The parser reports through the small host interface, which
// *analyzer.Context implements; tests and the fuzz target use a recorder.
package ssl
