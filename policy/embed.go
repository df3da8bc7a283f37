// Package policy holds gobro's own Zeek script tree, embedded in the
// binary: base/ (always or by default loaded), policy/ (optional scripts
// such as known-hosts and the intel seen/ scripts) and site/ (local.zeek),
// laid out like Zeek's share/zeek so the same @load paths work.
package policy

import "embed"

// FS is the embedded tree.
//
//go:embed all:base all:policy all:site
var FS embed.FS
