package builtins

import (
	"strings"

	"github.com/gobro/gobro/runtime/value"
)

// String built-ins that take a pattern, and those over string sets.
// Matching is leftmost-longest (value.Pattern.FindAllIndex); a match of
// length zero is not a separator.

func init() {
	register(map[string]Impl{
		"split_string":     bifSplitString,
		"split_string1":    bifSplitString1,
		"split_string_all": bifSplitStringAll,
		"split_string_n":   bifSplitStringN,
		"sub":              bifSub,
		"gsub":             bifGsub,
		"join_string_set":  bifJoinStringSet,
	})
}

func argPattern(v value.Value) *value.Pattern {
	p, _ := unbox(v).P.(*value.Pattern)
	return p
}

// matches returns up to n (n < 0: all) non-empty matches of p in s.
func matches(p *value.Pattern, s string, n int) [][]int {
	if p == nil || n == 0 {
		return nil
	}
	var out [][]int
	for _, m := range p.FindAllIndex(s, -1) {
		if m[1] > m[0] {
			out = append(out, m)
			if n > 0 && len(out) == n {
				break
			}
		}
	}
	return out
}

// splitN cuts s at up to n separators (n < 0: all), keeping the
// separators as elements of their own when inclSep is set.
func splitN(s string, p *value.Pattern, inclSep bool, n int) []string {
	parts := []string{}
	prev := 0
	for _, m := range matches(p, s, n) {
		parts = append(parts, s[prev:m[0]])
		if inclSep {
			parts = append(parts, s[m[0]:m[1]])
		}
		prev = m[1]
	}
	return append(parts, s[prev:])
}

func bifSplitString(ctx Context, args []value.Value) (value.Value, error) {
	return stringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), false, -1)), nil
}

func bifSplitString1(ctx Context, args []value.Value) (value.Value, error) {
	return stringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), false, 1)), nil
}

func bifSplitStringAll(ctx Context, args []value.Value) (value.Value, error) {
	return stringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), true, -1)), nil
}

func bifSplitStringN(ctx Context, args []value.Value) (value.Value, error) {
	n := args[3].Count()
	if n == 0 {
		return stringVec(ctx, []string{args[0].Str()}), nil
	}
	return stringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), args[2].Bool(), int(min(n, 1<<31)))), nil
}

// replace substitutes repl (literally) for up to n matches.
func replace(s string, p *value.Pattern, repl string, n int) string {
	var b strings.Builder
	prev := 0
	for _, m := range matches(p, s, n) {
		b.WriteString(s[prev:m[0]])
		b.WriteString(repl)
		prev = m[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

func bifSub(_ Context, args []value.Value) (value.Value, error) {
	return value.String(replace(args[0].Str(), argPattern(args[1]), args[2].Str(), 1)), nil
}

func bifGsub(_ Context, args []value.Value) (value.Value, error) {
	return value.String(replace(args[0].Str(), argPattern(args[1]), args[2].Str(), -1)), nil
}

// join_string_set joins the members in the set's iteration order.
func bifJoinStringSet(_ Context, args []value.Value) (value.Value, error) {
	t, _ := unbox(args[0]).P.(*value.Table)
	sep := args[1].Str()
	var b strings.Builder
	if t != nil {
		first := true
		for it := t.Iter(); it.Next(); {
			if !first {
				b.WriteString(sep)
			}
			first = false
			b.WriteString(it.Key1().Str())
		}
	}
	return value.String(b.String()), nil
}
