package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/lang/parser"
)

// FuzzFrontEnd runs lexer, parser and checker on arbitrary input: they may
// report anything but must never panic.
func FuzzFrontEnd(f *testing.F) {
	for _, s := range okScripts {
		f.Add(s)
	}
	for _, tc := range errorCases {
		f.Add(tc.src)
	}
	// Every script of the language corpus seeds the fuzzer too.
	files, _ := filepath.Glob("../../testdata/lang/*/*.zeek")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		c := check.New(check.Options{Diags: &diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType})
		// Through the loader, so @if/@ifdef conditions are evaluated by the
		// checker as in a real run (no search path: @load finds nothing).
		l := load.New(nil, nil, &diags, c)
		l.LoadSource("F", []byte(src))
		c.Finish()
		l.Finish()
		for _, d := range diags.Items {
			_ = d.Header()
		}
	})
}
