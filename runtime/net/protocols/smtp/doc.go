// Package smtp holds the SMTP analyser (Zeek's ANALYZER_SMTP).
//
// Both directions are split into lines as Zeek's CONTENTLINE support
// analyser does for SMTP (CR, LF and CRLF end a line; a partial last line
// is dropped; see lines.go). Lines of the sender (the originator) are
// commands, raised as smtp_request with the command word upper-cased;
// lines of the receiver are replies, raised as smtp_reply with the command
// they answer. Commands are queued until answered (clients pipeline
// freely), and a small state machine follows the session the way Zeek's
// does (commands.go): it exists to know when the client sends mail data,
// and reports what it did not expect as smtp_unexpected.
//
// Mail data (after DATA, up to the lone "." line) is a MIME message
// (mail.go, entity.go), read by the mime package with the SMTP
// analyser's own quirks (quirks.go): its headers and entities are raised
// as the mime_* events and the decoded body of each leaf entity goes to
// file analysis, one file per entity. A mail sent in BDAT chunks is
// read the same way (bdat.go): the chunks' bytes, cut into lines, are
// its data.
//
// STARTTLS (or X-ANONYMOUSTLS) answered with 220 hands the rest of the
// connection to an SSL analyser (smtp_starttls); the SMTP analyser then
// ignores the connection.
package smtp
