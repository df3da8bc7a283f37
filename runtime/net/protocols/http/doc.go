// Package http is the HTTP/1.x protocol analyser, following Zeek's.
//
// Each direction of a connection is cut into lines (lines.go: CRLF, or a
// lone CR or LF, as Zeek's CONTENTLINE analyser does, with its weirds),
// except where a body of known size is passed through raw. The first
// line of a request or reply (firstline.go) starts a message
// (message.go); a message is a tree of MIME entities (entity.go, read
// by the mime package): headers, then a body whose end comes from
// Content-Length, chunked transfer coding, the connection's end, or the
// boundaries of an enclosing multipart body. Bodies are decoded (base64
// and quoted-printable by the mime package, gzip and deflate here in
// decode.go) and handed out as http_entity_data in
// chunks of http_entity_data_delivery_size bytes and as files to the
// engine's file analysis.
//
// Requests may be pipelined: replies are matched to requests in order
// (the method decides whether a reply has a body, for HEAD), interim 1xx
// replies and 204/304 have none, and HTTP/0.9 replies run to the
// connection's end. A well-formed request line confirms the protocol; a
// line that is neither request nor reply where one is due is a
// violation. After a successful CONNECT or an Upgrade the rest of the
// connection is another protocol and is left alone. Connections seen
// without their beginning are not analysed.
//
// The analyser reports through a Sink: the engine's analyzer.Context, or
// a recorder in tests.
package http
