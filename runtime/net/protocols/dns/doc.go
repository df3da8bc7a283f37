// Package dns is the DNS protocol analyser (Zeek's DNS analyzer): it
// parses DNS messages carried in UDP datagrams or, over TCP, framed by a
// two-byte length, and raises Zeek's dns_* events with its dns_msg,
// dns_answer and per-type records.
//
// The parser follows Zeek's interpreter closely, including where Zeek is
// lenient or quirky, because the scripts' logs depend on it: a malformed
// name never fails a message (it ends early with a weird), the
// authority and additional sections are skipped unless dns_skip_* ask
// otherwise, and the first message of a connection decides, when it is a
// reply sent by the originator, that the roles were the wrong way round.
package dns
