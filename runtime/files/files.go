// Package files is the part of file analysis that does not involve the
// scripts: file ids from the handles scripts give, MIME sniffing of a
// file's first bytes, and the content analysers (hashes, extraction)
// fed with a file's bytes in order. The engine (runtime/engine/files.go)
// ties them to connections, events and the fa_file records.
package files

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/minio/highwayhash"

	"github.com/gobro/gobro/runtime/net/uid"
)

// IDMaker turns file handles into file ids as Zeek does: HighwayHash-128
// of the handle, keyed with the SHA-256 of digest_salt, written as a
// 96-bit uid with an "F" prefix (the high word's top 32 bits, then the
// low word, each in base62). Ids do not depend on the seed file, so the
// same handle gives the same id in every run.
type IDMaker struct{ key [32]byte }

// NewIDMaker keys the ids with digest_salt.
func NewIDMaker(salt string) *IDMaker { return &IDMaker{key: sha256.Sum256([]byte(salt))} }

// ID is the file id of a handle.
func (m *IDMaker) ID(handle string) string {
	sum := highwayhash.Sum128([]byte(handle), m.key[:])
	a := binary.LittleEndian.Uint64(sum[:8])
	b := binary.LittleEndian.Uint64(sum[8:])
	out := append([]byte{'F'}, uid.AppendBase62(nil, a>>32)...)
	return string(uid.AppendBase62(out, b))
}
