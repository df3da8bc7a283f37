// Package datachannel is the analyser of connections that carry one
// file per direction and nothing else: FTP's data connections
// (FTP_DATA) and IRC's DCC transfers (IRC_DATA). The control protocol's
// scripts expect such a connection (Analyzer::schedule_analyzer) and
// name its files (their get_file_handle); the file ends with the
// connection rather than at its FIN, as in Zeek.
package datachannel

import "github.com/gobro/gobro/runtime/net/analyzer"

// Register registers a data-channel analyser kind under Zeek's name.
func Register(name string) {
	analyzer.Register(&analyzer.Spec{Name: name, Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return &channel{ctx: ctx}
	}})
}

type channel struct{ ctx *analyzer.Context }

func (c *channel) Deliver(isOrig bool, b []byte) { c.ctx.FileData(isOrig, b) }
func (c *channel) Gap(isOrig bool, n uint64)     { c.ctx.FileGap(isOrig, n) }
func (c *channel) EndOfData(isOrig bool)         {}

func (c *channel) Done() {
	c.ctx.FileEnd(true)
	c.ctx.FileEnd(false)
}
