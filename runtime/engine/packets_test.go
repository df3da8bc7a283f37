package engine_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// tracesDir finds Zeek's reference traces, or skips.
func tracesDir(t *testing.T) string {
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "../../../shared/traces", "/work/shared/traces"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err == nil {
			abs, _ := filepath.Abs(d)
			return abs
		}
	}
	t.Skip("reference traces not found (set GOBRO_TRACES, or provide ../../../shared/traces or /work/shared/traces)")
	return ""
}

var (
	tsRE    = regexp.MustCompile(`(^|[^0-9])[0-9]{9,10}\.[0-9]{2,8}`)
	openRE  = regexp.MustCompile(`(?m)^#(open|close)\t.*$`)
	btestRE = regexp.MustCompile(`(?m)^### BTest baseline.*\n`)
)

// canon applies btest's canonicalisation (diff-remove-first-timestamp):
// the first timestamp of each line masked, #open/#close masked.
func canon(s string) string {
	s = btestRE.ReplaceAllString(s, "")
	s = openRE.ReplaceAllStringFunc(s, func(l string) string {
		return strings.SplitN(l, "\t", 2)[0] + " XXXX-XX-XX-XX-XX-XX"
	})
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		// A baseline line is canonical already: masking again would hide
		// its second time (x509.log's not_valid_before).
		if strings.Contains(l, "XXXXXXXXXX.XXXXXX") {
			continue
		}
		if m := tsRE.FindStringSubmatchIndex(l); m != nil {
			lines[i] = l[:m[3]] + "XXXXXXXXXX.XXXXXX" + l[m[1]:]
		}
	}
	return strings.Join(lines, "\n")
}

// diffColumns reports, line by line, which columns differ, and the
// names of those columns ("<line>" for a whole line: header, count),
// and how many data rows differ.
func diffColumns(got, want string) (diff string, cols []string, rows int) {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	var fields []string
	var b strings.Builder
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if strings.HasPrefix(w, "#fields\t") {
			fields = strings.Split(w, "\t")[1:]
		} else if i == 0 && !strings.HasPrefix(w, "#") {
			fields = strings.Split(w, "\t") // a zeek-cut baseline's header
		}
		if g == w {
			continue
		}
		b.WriteString("- " + w + "\n+ " + g + "\n")
		if !strings.HasPrefix(g, "#") && !strings.HasPrefix(w, "#") {
			rows++
		}
		gf, wf := strings.Split(g, "\t"), strings.Split(w, "\t")
		if len(gf) != len(wf) || strings.HasPrefix(w, "#") || strings.HasPrefix(g, "#") {
			cols = append(cols, "<line>")
		} else {
			for j := range gf {
				if gf[j] != wf[j] {
					name := "?"
					if j < len(fields) {
						name = fields[j]
					}
					if !slices.Contains(cols, name) {
						cols = append(cols, name)
					}
					b.WriteString("    column " + name + ": got " + gf[j] + ", want " + wf[j] + "\n")
				}
			}
		}
	}
	return b.String(), cols, rows
}
