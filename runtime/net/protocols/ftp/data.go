package ftp

import "github.com/gobro/gobro/runtime/net/protocols/datachannel"

// FTP_DATA: the data connections PORT, EPRT, PASV and EPSV announce.
func init() { datachannel.Register("FTP_DATA") }
