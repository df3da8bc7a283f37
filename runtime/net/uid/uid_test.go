package uid

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Reference vectors from the SipHash paper (Aumasson & Bernstein, appendix
// A) and the reference implementation's vectors.h: key 00..0f, message
// 00..(n-1).
var sipVectors = []uint64{
	0x726fdb47dd0e0e31, 0x74f839c593dc67fd, 0x0d6c8009d9a94f5a, 0x85676696d7fb7e2d,
	0xcf2794e0277187b7, 0x18765564cd99a68d, 0xcbc9466e58fee3ce, 0xab0200f58b01d137,
	0x93f5f5799a932462, 0x9e0082df0ba9e4b0, 0x7a5dbbc594ddb9f3, 0xf4b32f46226bada7,
	0x751e8fbc860ee5fb, 0x14ea5627c0843d90, 0xf723ca908e7af2ee, 0xa129ca6149be45e5,
	0x3f2acc7f57c29bdb, 0x699ae9f52cbe4794, 0x4bc1b3f0968dd39c, 0xbb6dc91da77961bd,
	0xbed65cf21aa2ee98, 0xd0f2cbb02e3b67c7, 0x93536795e3a33e88, 0xa80c038ccd5ccec8,
	0xb8ad50c6f649af94, 0xbce192de8a85b8ea, 0x17d835b85bbb15f3, 0x2f2e6163076bcfad,
	0xde4daaaca71dc9a5, 0xa6a2506687956571, 0xad87a3535c49ef28, 0x32d892fad841c342,
	0x7127512f72f27cce, 0xa7f32346f95978e3, 0x12e0b01abb051238, 0x15e034d40fa197ae,
	0x314dffbe0815a3b4, 0x027990f029623981, 0xcadcd4e59ef40c4d, 0x9abfd8766a33735c,
	0x0e3ea96b5304a7d0, 0xad0c42d6fc585992, 0x187306c89bc215a9, 0xd4a60abcf3792b95,
	0xf935451de4f21df2, 0xa9538f0419755787, 0xdb9acddff56ca510, 0xd06c98cd5c0975eb,
	0xe612a3cb9ecba951, 0xc766e62cfcadaf96, 0xee64435a9752fe72, 0xa192d576b245165a,
	0x0a8787bf8ecb74b2, 0x81b3e73d20b49b6f, 0x7fa8220ba3b2ecea, 0x245731c13ca42499,
	0xb78dbfaf3a8d83bd, 0xea1ad565322a1a0b, 0x60e61c23a3795013, 0x6606d7e446282b93,
	0x6ca4ecb15c5f91e1, 0x9f626da15c9625f3, 0xe51b38608ef25f57, 0x958a324ceb064572,
}

func TestSipHashPaperVectors(t *testing.T) {
	var key [16]byte
	for i := range key {
		key[i] = byte(i)
	}
	msg := make([]byte, 64)
	for i := range msg {
		msg[i] = byte(i)
	}
	for n, want := range sipVectors {
		if got := SipHash24Key(key, msg[:n]); got != want {
			t.Errorf("SipHash24(len %d) = %#016x, want %#016x", n, got, want)
		}
	}
	// The paper's worked example (appendix A): 15-byte message, output
	// a129ca6149be45e5.
	if got := SipHash24(0x0706050403020100, 0x0f0e0d0c0b0a0908, msg[:15]); got != 0xa129ca6149be45e5 {
		t.Errorf("paper example = %#016x, want 0xa129ca6149be45e5", got)
	}
}

func TestBase62(t *testing.T) {
	cases := []struct {
		v    uint64
		want string
	}{
		{0, "0"},
		{1, "1"},
		{9, "9"},
		{10, "a"},
		{35, "z"},
		{36, "A"},
		{61, "Z"},
		{62, "01"}, // least significant digit first
		{63, "11"},
		{62*62 - 1, "ZZ"},
		{62 * 62, "001"},
		{3843 + 62*62*5, "ZZ5"},
		{^uint64(0), "fyha61AhGYl"}, // 18446744073709551615 = "lYGhA16ahyf" most significant first
		{1 << 32, "4cfFG4"},
	}
	for _, c := range cases {
		if got := Base62(c.v); got != c.want {
			t.Errorf("Base62(%d) = %q, want %q", c.v, got, c.want)
		}
		// Round trip: decode least-significant-first.
		var back uint64
		for i := len(c.want) - 1; i >= 0; i-- {
			back = back*62 + uint64(strings.IndexByte(base62Digits, c.want[i]))
		}
		if back != c.v {
			t.Errorf("decode(%q) = %d, want %d", c.want, back, c.v)
		}
	}
}

func TestParseSeed(t *testing.T) {
	vals := "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21"
	s, err := ParseSeed(vals)
	if err != nil {
		t.Fatal(err)
	}
	if s.RNG != 1 || s.Buf[0] != 2 || s.Buf[19] != 21 {
		t.Fatalf("bad parse: %+v", s)
	}
	k0, k1 := s.SipKey()
	if k0 != 18|19<<32 || k1 != 20|21<<32 {
		t.Fatalf("SipKey = %#x %#x", k0, k1)
	}
	for _, bad := range []string{"0 0 0", "a b c 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "", "4294967296 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"} {
		if _, err := ParseSeed(bad); err == nil {
			t.Errorf("ParseSeed(%q): no error", bad)
		}
	}
}

func TestNewOptions(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	zero := strings.TrimSpace(strings.Repeat("0 ", 21))

	g, err := New(Options{Getenv: env(nil)})
	if err != nil || g.Deterministic() {
		t.Fatalf("no seed: err=%v deterministic=%v", err, g.Deterministic())
	}
	d, err := New(Options{Deterministic: true, Getenv: env(nil)})
	if err != nil || !d.Deterministic() {
		t.Fatalf("-D: err=%v", err)
	}
	v, err := New(Options{Getenv: env(map[string]string{"ZEEK_SEED_VALUES": zero})})
	if err != nil || !v.Deterministic() {
		t.Fatalf("values: err=%v", err)
	}
	// -D and 21 zero values give the same sequence.
	for i := 0; i < 5; i++ {
		a, b := d.Next('C'), v.Next('C')
		if a != b {
			t.Fatalf("uid %d: -D %q != zero values %q", i, a, b)
		}
	}
	_, err = New(Options{SeedFile: "x.seed", Getenv: env(map[string]string{"ZEEK_SEED_VALUES": zero})})
	if !errors.Is(err, ErrSeedConflict) {
		t.Fatalf("-G with ZEEK_SEED_VALUES: err=%v", err)
	}
	_, err = New(Options{Getenv: env(map[string]string{"ZEEK_SEED_VALUES": zero, "ZEEK_SEED_FILE": "x.seed"})})
	if !errors.Is(err, ErrSeedConflict) {
		t.Fatalf("ZEEK_SEED_FILE with ZEEK_SEED_VALUES: err=%v", err)
	}
	if _, err := New(Options{SeedFile: "/nonexistent/random.seed", Getenv: env(nil)}); err == nil {
		t.Fatal("missing seed file: no error")
	}
	// Only a seed file or values count as Zeek's seed (which also orders
	// tables); -D's zero seed does not.
	if _, ok := v.Seeded(); !ok {
		t.Error("values: not seeded")
	}
	if _, ok := d.Seeded(); ok {
		t.Error("-D: seeded")
	}
	if _, ok := g.Seeded(); ok {
		t.Error("random: seeded")
	}
	seedFile := filepath.Join(t.TempDir(), "random.seed")
	if err := os.WriteFile(seedFile, []byte(strings.Replace(zero, "0", "7", 1)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{
		{SeedFile: seedFile, Getenv: env(nil)},
		{Getenv: env(map[string]string{"ZEEK_SEED_FILE": seedFile})},
		{Getenv: env(map[string]string{"ZEEK_SEED_FILE": "elsewhere", "ZEEK_SEED_VALUES": ""}), SeedFile: seedFile},
	} {
		s, ok, err := LoadSeed(o)
		if err != nil || !ok || s.RNG != 7 {
			t.Errorf("LoadSeed(%+v) = %+v, %v, %v", o.SeedFile, s, ok, err)
		}
	}
	if _, ok, err := LoadSeed(Options{Deterministic: true, Getenv: env(nil)}); ok || err != nil {
		t.Errorf("LoadSeed(-D) = %v, %v", ok, err)
	}
	if _, _, err := LoadSeed(Options{Getenv: env(map[string]string{"ZEEK_SEED_VALUES": "1 2"})}); err == nil ||
		err.Error() != "uid: ZEEK_SEED_VALUES: uid: seed has 2 values, need 21" {
		t.Errorf("LoadSeed(bad values): %v", err)
	}
}

func TestRandomUnique(t *testing.T) {
	a, b := NewRandom(), NewRandom()
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		for _, u := range []string{a.Next('C'), b.Next('C')} {
			if seen[u] {
				t.Fatalf("duplicate uid %q", u)
			}
			seen[u] = true
		}
	}
}

func TestDrawMatchesDefinition(t *testing.T) {
	s, _ := ParseSeed("7 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")
	g := NewFromSeed(s)
	k0, k1 := s.SipKey()
	var msg [16]byte
	binary.LittleEndian.PutUint64(msg[0:], 1)
	binary.LittleEndian.PutUint64(msg[8:], 1)
	a := SipHash24(k0, k1, msg[:])
	binary.LittleEndian.PutUint64(msg[8:], 2)
	b := SipHash24(k0, k1, msg[:])
	want := "C" + Base62(a>>32) + Base62(b)
	if got := g.Next('C'); got != want {
		t.Fatalf("Next = %q, want %q", got, want)
	}
	// Pools have independent counters: pool 2's first draw uses counter 1.
	binary.LittleEndian.PutUint64(msg[0:], 2)
	binary.LittleEndian.PutUint64(msg[8:], 1)
	if got, want := g.Draw(PoolScript), SipHash24(k0, k1, msg[:]); got != want {
		t.Fatalf("pool 2 draw = %#x, want %#x", got, want)
	}
	// 64 bits: one draw, no shift; 'F' prefix.
	g.SetBitsPerUID(64)
	binary.LittleEndian.PutUint64(msg[0:], 1)
	binary.LittleEndian.PutUint64(msg[8:], 3)
	if got, want := g.Next('F'), "F"+Base62(SipHash24(k0, k1, msg[:])); got != want {
		t.Fatalf("64-bit uid = %q, want %q", got, want)
	}
}
