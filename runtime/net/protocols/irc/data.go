package irc

import "github.com/gobro/gobro/runtime/net/analyzer"

func init() {
	analyzer.Register(&analyzer.Spec{Name: "IRC_DATA", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return &data{ctx: ctx}
	}})
}

// files is what the data analyser needs of file analysis: an
// *analyzer.Context in a run, a fake in tests.
type files interface {
	FileData(isOrig bool, data []byte)
	FileGap(isOrig bool, n uint64)
	FileEnd(isOrig bool)
}

// data is the IRC_DATA analyser of a DCC transfer, which the scripts
// expect from the DCC SEND offer: each direction of its connection is
// one file (IRC::get_file_handle), ended with the connection.
type data struct{ ctx files }

func (d *data) Deliver(isOrig bool, b []byte) { d.ctx.FileData(isOrig, b) }
func (d *data) Gap(isOrig bool, n uint64)     { d.ctx.FileGap(isOrig, n) }
func (d *data) EndOfData(isOrig bool)         {}

func (d *data) Done() {
	d.ctx.FileEnd(true)
	d.ctx.FileEnd(false)
}
