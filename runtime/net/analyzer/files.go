package analyzer

// Files is the engine's file analysis, for analysers whose protocol
// carries files (HTTP bodies, e-mail attachments): each direction of an
// analyser has at most one current file. The first data of a new file
// asks the scripts for its handle (the get_file_handle event), which
// names it: data with the same handle from several connections goes to
// one file, as for HTTP range requests.
type Files interface {
	// FileData delivers data of the current file of a direction, at
	// offset (negative: right after what came before).
	FileData(ctx *Context, isOrig bool, offset int64, data []byte)
	// FileGap says n bytes of the current file were lost.
	FileGap(ctx *Context, isOrig bool, n uint64)
	// FileSize gives the current file's total size, when the protocol
	// announces it (a file that reaches it ends by itself).
	FileSize(ctx *Context, isOrig bool, size uint64)
	// FileEnd ends the direction's current file; the next data starts a
	// new one. A protocol whose file goes on in other connections (HTTP
	// range replies) leaves it open instead: it ends when complete or
	// times out.
	FileEnd(ctx *Context, isOrig bool)
}

// FileData delivers the next bytes of the direction's current file.
func (x *Context) FileData(isOrig bool, data []byte) {
	if !x.removed {
		x.set.m.host.FileData(x, isOrig, -1, data)
	}
}

// FileDataAt delivers bytes of the direction's current file at offset
// (HTTP range replies).
func (x *Context) FileDataAt(isOrig bool, offset uint64, data []byte) {
	if !x.removed {
		x.set.m.host.FileData(x, isOrig, int64(offset), data)
	}
}

// FileGap says n bytes of the direction's current file were lost.
func (x *Context) FileGap(isOrig bool, n uint64) {
	if !x.removed {
		x.set.m.host.FileGap(x, isOrig, n)
	}
}

// FileSize announces the total size of the direction's current file.
func (x *Context) FileSize(isOrig bool, size uint64) {
	if !x.removed {
		x.set.m.host.FileSize(x, isOrig, size)
	}
}

// FileEnd ends the direction's current file.
func (x *Context) FileEnd(isOrig bool) { x.set.m.host.FileEnd(x, isOrig) }
