package files

import "testing"

// The handle HTTP gives the body of http-get.pcap's reply (analyser,
// connection start, direction, transaction and MIME depth, connection id)
// makes the fuid Zeek logged for it.
func TestIDMatchesZeek(t *testing.T) {
	m := NewIDMaker("Please change this value.")
	got := m.ID("Analyzer::ANALYZER_HTTP1362692526.869344F11141.142.228.5:59856 > 192.150.187.43:80")
	if got != "FMnxxt3xjVcWNS2141" {
		t.Fatalf("ID = %s, want FMnxxt3xjVcWNS2141", got)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", "text/html"},
		{"\r\n  <html><head>", "text/html"},
		{"<HTML>", "text/html"},
		{"{\n  \"headers\": {}", "text/json"},
		{"<?xml version=\"1.0\"?>", "application/xml"},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", "text/html"},
		{"\x89PNG\r\n\x1a\n\x00\x00", "image/png"},
		{"GIF89a\x01\x00", "image/gif"},
		{"%PDF-1.4", "application/pdf"},
		{"MZ\x90\x00", "application/x-dosexec"},
		{"Release notes\n\tfirst line\n", "text/plain"},
		{"\x00\x01\x02binary", ""},
		{"", ""},
		{"caf\xc3\xa9", ""},
	} {
		if got := Sniff([]byte(tc.data)); got != tc.want {
			t.Errorf("Sniff(%q) = %q, want %q", tc.data, got, tc.want)
		}
	}
}
