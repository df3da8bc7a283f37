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
		"split_string":        bifSplitString,
		"split_string1":       bifSplitString1,
		"split_string_all":    bifSplitStringAll,
		"split_string_n":      bifSplitStringN,
		"sub":                 bifSub,
		"gsub":                bifGsub,
		"join_string_set":     bifJoinStringSet,
		"find_all":            bifFindAll,
		"find_all_ordered":    bifFindAllOrdered,
		"find_last":           bifFindLast,
		"convert_for_pattern": bifConvertForPattern,
		"string_to_pattern":   bifStringToPattern,
		"merge_pattern":       bifMergePattern,
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
	return StringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), false, -1)), nil
}

func bifSplitString1(ctx Context, args []value.Value) (value.Value, error) {
	return StringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), false, 1)), nil
}

func bifSplitStringAll(ctx Context, args []value.Value) (value.Value, error) {
	return StringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), true, -1)), nil
}

// split_string_n splits at up to max_num_sep separators. As in Zeek,
// where split_string and split_string_all are this function with a limit
// of 0, a max_num_sep of 0 means no limit.
func bifSplitStringN(ctx Context, args []value.Value) (value.Value, error) {
	n := -1
	if c := args[3].Count(); c > 0 {
		n = int(min(c, 1<<31))
	}
	return StringVec(ctx, splitN(args[0].Str(), argPattern(args[1]), args[2].Bool(), n)), nil
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

// maxFindAllStringLength is the default of Zeek's max_find_all_string_length
// global, used when max_str_size is -1 (built-ins cannot read script
// globals; a redef of the global is not seen here).
const maxFindAllStringLength = 10000

// findInputTooLong applies the max_str_size argument of the find_*
// built-ins: -1 means the default limit, 0 no limit. Zeek also raises a
// weird when the input is too long; that needs the engine and is not done.
func findInputTooLong(s string, maxSize int64) bool {
	if maxSize < 0 {
		maxSize = maxFindAllStringLength
	}
	return maxSize > 0 && int64(len(s)) > maxSize
}

// findAll returns the non-empty matches of p in s, left to right, each the
// longest at its position, matches not overlapping.
func findAll(args []value.Value) []string {
	s := args[0].Str()
	if findInputTooLong(s, args[2].Int()) {
		return nil
	}
	var out []string
	for _, m := range matches(argPattern(args[1]), s, -1) {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

// find_all returns the set of matched substrings.
func bifFindAll(ctx Context, args []value.Value) (value.Value, error) {
	return StringSet(ctx, findAll(args)), nil
}

// find_all_ordered returns the matched substrings in order, duplicates
// kept.
func bifFindAllOrdered(ctx Context, args []value.Value) (value.Value, error) {
	return StringVec(ctx, findAll(args)), nil
}

// find_last returns the match starting at the largest position (the
// longest match there), not necessarily the longest match: /.*/ finds the
// final character. "" when nothing matches.
func bifFindLast(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	p := argPattern(args[1])
	if p == nil || findInputTooLong(s, args[2].Int()) {
		return value.String(""), nil
	}
	for i := len(s) - 1; i >= 0; i-- {
		if m := p.FindAllIndex(s[i:], 1); len(m) > 0 && m[0][0] == 0 {
			return value.String(s[i : i+m[0][1]]), nil
		}
	}
	return value.String(""), nil
}

// patternSpecials are the characters convert_for_pattern escapes.
const patternSpecials = `^$-:"\/|*+?.(){}[]`

// convert_for_pattern backslash-escapes the characters that are special
// in a pattern, so the string matches literally.
func convertForPattern(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(patternSpecials, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func bifConvertForPattern(_ Context, args []value.Value) (value.Value, error) {
	return value.String(convertForPattern(args[0].Str())), nil
}

// string_to_pattern makes a pattern of s (escaped first when convert is
// set); it prints as /^?(s)$?/ like a literal.
func bifStringToPattern(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if args[1].Bool() {
		s = convertForPattern(s)
	}
	p, err := value.NewPattern(s, false, false)
	if err == nil {
		err = p.Compile()
	}
	if err != nil {
		empty := value.MustPattern("", false, false)
		return value.Value{P: empty}, bifError("string_to_pattern(): bad pattern %q: %v", s, err)
	}
	return value.Value{P: p}, nil
}

// merge_pattern is the disjunction p1 | p2.
func bifMergePattern(_ Context, args []value.Value) (value.Value, error) {
	p, q := argPattern(args[0]), argPattern(args[1])
	if p == nil || q == nil {
		return value.None, bifError("merge_pattern(): pattern not set")
	}
	return value.Value{P: value.Or(p, q)}, nil
}
