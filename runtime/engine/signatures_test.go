package engine

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/signature"
)

// The literals one of which a payload pattern's matches must contain:
// only parts a match cannot avoid count, and a wrong one would hide a
// protocol.
func TestRequiredLiterals(t *testing.T) {
	for _, c := range []struct{ re, want string }{
		{`^HTTP/[0-9]`, "http/"},
		{`(|.*[\r\n]) *[Uu][Ss][Ee][Rr] +.+[\n\r]+ *[Nn][Ii][Cc][Kk] +.*[\r\n]`, "user"},
		{`^[sS][sS][hH]-[12]\.`, "ssh-"},
		{`x(abc)+y`, "abc"},            // the body of a + is required
		{`x(?:abcd){2,3}`, "abcdabcd"}, // and of a repeat of at least one
		{`ab(cdefg)?h`, "ab"},          // an optional part is not
		{`ab(cdefg)*h`, "ab"},
		{`(hello|world)`, "hello|world"}, // either branch will do
		{`(hello|w)x`, ""},               // a one-letter branch rejects too little
		{`(hello|.*)`, ""},               // a branch needing nothing
		{`(|.*[\n\r])[[:space:]]*([hH][eE][lL][oO]|[eE][hH][lL][oO])`, "helo|ehlo"},
		{`(?i)mail from`, "mail from"},
		{`[\n\r ]*(120|220)[^0-9]`, "120|220"},
		{`\x41\x42`, "ab"},
		{`a.b`, ""},          // single letters around a wildcard: too short
		{`[ab]cd`, "cd"},     // a class of two letters is not one character
		{`\xe9\xe9ab`, "ab"}, // beyond ASCII ends a literal
	} {
		need := requiredLiterals(c.re)
		if weakest(need) < 2 {
			need = nil // too weak to check before every match (payloadPattern.strong)
		}
		if g := joinLits(need); g != c.want {
			t.Errorf("requiredLiterals(%q) = %q, want %q", c.re, g, c.want)
		}
	}
	// The screen also takes sets with one-byte members.
	for re, want := range map[string]string{
		`^((|.*[
])(:[^ 
]+ )?[0-9][0-9][0-9] )`: " ",
		`a.b`:            "a",
		`(?i)mail from`:  "mail from",
		`^[[:print:]]+$`: "",
	} {
		if screen := requiredLiterals(re); joinLits(screen) != want {
			t.Errorf("screen of %q = %q, want %q", re, joinLits(screen), want)
		}
	}
}

func joinLits(lits [][]byte) string {
	var s []string
	for _, b := range lits {
		s = append(s, string(b))
	}
	return strings.Join(s, "|")
}

func TestContainsFold(t *testing.T) {
	for _, c := range []struct {
		s, lit string
		want   bool
	}{
		{"NICK joe\r\nUSER x", "user", true},
		{"nick joe\r\nUsEr x", "user", true},
		{"use", "user", false},
		{"", "ab", false},
		{"xxSSH-2.0", "ssh-", true},
		{"SSHx", "ssh-", false},
		{"uUSER", "user", true}, // a failed candidate, then one of the other case
		{"xx220", "220", true},
		{"xx22", "220", false},
		{"ab", "abc", false},
	} {
		if got := containsFold([]byte(c.s), []byte(c.lit)); got != c.want {
			t.Errorf("containsFold(%q, %q) = %v", c.s, c.lit, got)
		}
	}
}

// containsFold agrees with lower-casing and searching, on random
// payloads over a small alphabet (so candidates and near misses abound).
func TestContainsFoldRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const alphabet = "uUsSeErR-2"
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.Intn(24))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		lit := []byte([]string{"user", "ser", "u", "2-", "er-2"}[r.Intn(5)])
		want := bytes.Contains(bytes.ToLower(b), lit)
		if got := containsFold(b, lit); got != want {
			t.Fatalf("containsFold(%q, %q) = %v", b, lit, got)
		}
	}
}

// A payload pattern's screen says the same for a few new bytes (looked
// at one by one) as the search it does for longer ones.
func TestScreenShortPathAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, payload := range []string{`(|.*[\n\r]) *[uU][sS][eE][rR] `, `^HTTP\/[0-9]`, `^((|.*[\n\r])(:[^ \n\r]+ )?[0-9][0-9][0-9] )`} {
		m, err := matcher(&signature.Signature{Name: "s", Payload: payload})
		if err != nil {
			t.Fatal(err)
		}
		p := m.(*payloadPattern)
		alphabet := []byte("uUsSeErRhHtTpP/1 :\r\nx")
		for range 20000 {
			b := make([]byte, r.Intn(65))
			for i := range b {
				b[i] = alphabet[r.Intn(len(alphabet))]
			}
			if got, want := p.Screened(b), containsAnyFold(b, p.lits); got != want {
				t.Fatalf("%s: Screened(%q) = %v, the search says %v", payload, b, got, want)
			}
		}
	}
}
