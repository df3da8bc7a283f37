// Package ftp holds the FTP analysers: FTP, the control channel
// (Zeek's ANALYZER_FTP), and FTP_DATA, the data channel (Zeek's
// ANALYZER_FTP_DATA).
//
// The control channel is split into lines as a Telnet NVT does (lines
// end at LF, a CR before it is dropped, Telnet option sequences are
// taken out, see lines.go). Each client line is a command: ftp_request
// with the command word upper-cased and the rest of the line as its
// argument. Each server line is a reply: ftp_reply with its code, its
// text and whether it continues a multi-line reply (cont_resp; the
// lines inside a multi-line reply have code 0).
//
// The data channel has no protocol of its own: the scripts expect its
// connection (Analyzer::schedule_analyzer, from the PORT, EPRT, PASV and
// EPSV exchanges) and FTP_DATA passes its bytes, per direction, to file
// analysis as one file, which ends with the connection.
package ftp
