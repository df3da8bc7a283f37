package builtins

import (
	"encoding/binary"
	"hash/fnv"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func TestDigests(t *testing.T) {
	tests := []struct {
		name string
		args []value.Value
		want string
	}{
		{"md5_hash", []value.Value{value.Box(S("one"), types.StringType)}, "f97c5d29941bfb1b2fdab0874906ab82"},
		{"md5_hash", []value.Value{value.Box(S("one"), types.StringType), value.Box(S("two"), types.StringType)}, "b5f7f4b8e7b4b0b7e4b6f6e0b0c0f0a0"},
		{"sha1_hash", []value.Value{value.Box(S("abc"), types.StringType)}, "a9993e364706816aba3e25717850c26c9cd0d89d"},
		{"sha256_hash", []value.Value{value.Box(S("abc"), types.StringType)}, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"md5_hash", nil, "d41d8cd98f00b204e9800998ecf8427e"},
	}
	// The two-argument case hashes the concatenation.
	one, _ := call(t, nil, "md5_hash", value.Box(S("onetwo"), types.StringType))
	tests[1].want = one.Str()
	for _, tc := range tests {
		got, err := call(t, nil, tc.name, tc.args...)
		if err != nil || got.Str() != tc.want {
			t.Errorf("%s(%v) = %q, %v; want %q", tc.name, tc.args, got.Str(), err, tc.want)
		}
	}
	// A non-string argument hashes as its raw rendering: md5_hash(1, T)
	// is the MD5 of "1T", and a string argument is not rendered (no
	// escaping of its bytes).
	want, _ := call(t, nil, "md5_hash", value.Box(S("1T\x00"), types.StringType))
	got, err := call(t, nil, "md5_hash", value.Box(C(1), types.CountType), value.Box(B(true), types.BoolType), value.Box(S("\x00"), types.StringType))
	if err != nil || got.Str() != want.Str() {
		t.Errorf("md5_hash(1, T, \"\\x00\") = %q, %v; want %q", got.Str(), err, want.Str())
	}
}

func TestFnv1a(t *testing.T) {
	// Zeek's bifs.fnv1a_hash baseline.
	tests := []struct {
		v        value.Value
		t        types.Type
		h32, h64 uint64
	}{
		{S("a"), types.StringType, 0xe40c292c, 0xaf63dc4c8601ec8c},
		{S("foobar"), types.StringType, 0xbf9cf968, 0x85944171f73967e8},
		{S("a very very long input sort of"), types.StringType, 0xd14bf21b, 0xb2c1be81250455fb},
		{C(123), types.CountType, 0x7238631b, 0x456fc2181822c4db},
		{B(true), types.BoolType, 0xd10c0b43, 0xaf64094c86023903},
		{B(false), types.BoolType, 0xc30bf539, 0xaf63fb4c86022139},
		{S("\x01\x02\x03\x04"), types.StringType, 0x5734a87d, 0xbe7a5e775165785d},
	}
	for _, tc := range tests {
		arg := value.Box(tc.v, tc.t)
		h32, err32 := call(t, nil, "fnv1a32", arg)
		h64, err64 := call(t, nil, "fnv1a64", arg)
		if err32 != nil || err64 != nil || h32.Count() != tc.h32 || h64.Count() != tc.h64 {
			t.Errorf("fnv1a(%v) = %#x, %#x (%v, %v)", tc.v, h32.Count(), h64.Count(), err32, err64)
		}
	}
	// Other types hash their raw rendering: 1.5 as "1.5", 1.2.3.4 as
	// "1.2.3.4" (our choice where no baseline exists).
	for _, tc := range []struct {
		v    value.Value
		t    types.Type
		text string
	}{
		{D(1.5), types.DoubleType, "1.5"},
		{value.Addr(netip.MustParseAddr("1.2.3.4")), types.AddrType, "1.2.3.4"},
		{value.Port(80, value.ProtoTCP), types.PortType, "80/tcp"},
	} {
		got, err := call(t, nil, "fnv1a32", value.Box(tc.v, tc.t))
		want, _ := call(t, nil, "fnv1a32", value.Box(S(tc.text), types.StringType))
		if err != nil || got.Count() != want.Count() {
			t.Errorf("fnv1a32(%s) = %#x, %v; want %#x", tc.text, got.Count(), err, want.Count())
		}
	}
}

// hrw_weight against Zeek's HashHRW baseline (B:scripts.base.utils.hash_hrw
// /output). That baseline predates the readable fnv1a input, so the key
// digests are computed here with the binary description it used (type
// tag 7 and length as int32 LE before a string's bytes, tag 3 and the
// uint64 LE value for a count); the site choice then depends only on
// hrw_weight. Ties go to the larger site id, as in get_site.
func TestHrwWeight(t *testing.T) {
	le32 := func(x uint32) []byte { return binary.LittleEndian.AppendUint32(nil, x) }
	strDigest := func(s string) uint64 {
		h := fnv.New32a()
		h.Write(append(append(le32(7), le32(uint32(len(s)))...), s...))
		return uint64(h.Sum32())
	}
	countDigest := func(c uint64) uint64 {
		h := fnv.New32a()
		h.Write(binary.LittleEndian.AppendUint64(le32(3), c))
		return uint64(h.Sum32())
	}
	site := func(sites []uint64, d uint64) uint64 {
		best, bestW := uint64(0), int64(-1)
		for _, s := range sites {
			w, err := call(t, nil, "hrw_weight", C(d), C(s))
			if err != nil {
				t.Fatal(err)
			}
			if x := int64(w.Count()); x > bestW || (x == bestW && s > best) {
				best, bestW = s, x
			}
		}
		return best
	}
	keys := []uint64{strDigest("one"), strDigest("two"), strDigest("three"), strDigest("four"),
		strDigest("five"), strDigest("six"), countDigest(1), countDigest(2), countDigest(3)}
	for _, tc := range []struct {
		sites []uint64
		want  []uint64
	}{
		{[]uint64{0, 1, 3, 4}, []uint64{0, 3, 4, 4, 0, 3, 1, 0, 1}},
		{[]uint64{1, 3, 4}, []uint64{4, 3, 4, 4, 4, 3, 1, 4, 1}},
	} {
		var got []uint64
		for _, d := range keys {
			got = append(got, site(tc.sites, d))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("sites %v: got %v, want %v", tc.sites, got, tc.want)
		}
	}
}

// Incremental hashing gives the one-shot digest; a spent handle refuses
// updates; copy() (Clone) duplicates the running state.
func TestIncrementalHash(t *testing.T) {
	for _, alg := range []string{"md5", "sha1", "sha256"} {
		want, _ := call(t, nil, alg+"_hash", value.Box(S("foobar"), types.StringType))
		h, err := call(t, nil, alg+"_hash_init")
		if err != nil {
			t.Fatal(err)
		}
		if r := value.Render(h, &types.OpaqueType{Name: alg}, value.ModePrint); r != "<opaque of "+strings.ToUpper(alg)+"Val>" {
			t.Errorf("%s handle prints %s", alg, r)
		}
		call(t, nil, alg+"_hash_update", h, S("foo"))
		clone := value.Value{P: h.P.(value.Cloner).Clone()}
		call(t, nil, alg+"_hash_update", h, S("bar"))
		call(t, nil, alg+"_hash_update", clone, S("bar"))
		got, _ := call(t, nil, alg+"_hash_finish", h)
		gotClone, _ := call(t, nil, alg+"_hash_finish", clone)
		if got.Str() != want.Str() || gotClone.Str() != want.Str() {
			t.Errorf("%s incremental = %s / %s, want %s", alg, got.Str(), gotClone.Str(), want.Str())
		}
		if ok, _ := call(t, nil, alg+"_hash_update", h, S("x")); ok.Bool() {
			t.Errorf("%s update after finish accepted", alg)
		}
		if again, _ := call(t, nil, alg+"_hash_finish", h); again.Str() != "" {
			t.Errorf("%s second finish = %q", alg, again.Str())
		}
	}
}
