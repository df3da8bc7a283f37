package builtins

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"

	"github.com/gobro/gobro/runtime/value"
)

func init() {
	register(map[string]Impl{
		"community_id_v1": bifCommunityIDv1,
		"md5_hmac":        bifMD5HMAC,
	})
}

// community_id_v1 is the Community ID flow hash, version 1
// (github.com/corelight/community-id-spec): SHA-1 over the seed (2 bytes,
// big endian), the source and destination addresses, the IP protocol
// number, one zero pad byte and the two ports (big endian), the endpoints
// ordered so that the smaller (address, port) comes first; "1:" then the
// base64 (or hex) digest. For ICMP and ICMPv6 the ports are Zeek's type
// and counterpart type (or code); a type without counterpart is one-way
// and not reordered. The conn_id fields are found by name.
func bifCommunityIDv1(_ Context, args []value.Value) (value.Value, error) {
	rec, _ := unbox(args[0]).P.(*value.Record)
	if rec == nil || rec.Type == nil {
		return value.String(""), nil
	}
	field := func(name string) value.Value {
		return rec.Get(name)
	}
	oh, op, rh, rp := field("orig_h"), field("orig_p"), field("resp_h"), field("resp_p")
	sa, da := oh.Addr(), rh.Addr()
	sp, dp := uint16(op.PortNum()), uint16(rp.PortNum())
	var proto byte
	switch op.PortProto() {
	case value.ProtoTCP:
		proto = 6
	case value.ProtoUDP:
		proto = 17
	case value.ProtoICMP:
		proto = 1
		if sa.Is6() {
			proto = 58
		}
	default:
		return value.String(""), bifError("CommunityID: unsupported transport protocol")
	}
	oneWay := false
	if proto == 1 || proto == 58 {
		_, oneWay = icmpCounterpart(proto, sp)
	}
	if !oneWay {
		if c := sa.Compare(da); c > 0 || (c == 0 && sp > dp) {
			sa, da, sp, dp = da, sa, dp, sp
		}
	}
	b := binary.BigEndian.AppendUint16(nil, uint16(args[1].Count()))
	b = append(b, sa.AsSlice()...)
	b = append(b, da.AsSlice()...)
	b = append(b, proto, 0)
	b = binary.BigEndian.AppendUint16(b, sp)
	b = binary.BigEndian.AppendUint16(b, dp)
	sum := sha1.Sum(b)
	if args[2].Bool() {
		return value.String("1:" + base64.StdEncoding.EncodeToString(sum[:])), nil
	}
	return value.String("1:" + hex.EncodeToString(sum[:])), nil
}

// icmpCounterpart is the Community ID spec's table of ICMP message types
// with a request/reply counterpart; oneWay when typ has none.
func icmpCounterpart(proto byte, typ uint16) (uint16, bool) {
	var pairs [][2]uint16
	if proto == 1 {
		pairs = [][2]uint16{{8, 0}, {13, 14}, {15, 16}, {10, 9}, {17, 18}}
	} else {
		pairs = [][2]uint16{{128, 129}, {133, 134}, {135, 136}, {130, 131}, {139, 140}, {144, 145}}
	}
	for _, p := range pairs {
		if typ == p[0] {
			return p[1], false
		}
		if typ == p[1] {
			return p[0], false
		}
	}
	return 0, true
}

// hmacKey is the per-run 16-byte key of md5_hmac. Zeek draws it at start
// (or loads it with --load-seeds); gobro draws it at the first call of a
// run, so digests are stable within a run and differ between runs.
type hmacKey [16]byte

// md5_hmac is Zeek's keyed MD5: the MD5 of the arguments (hashed as by
// md5_hash), XORed with the key, hashed again; lowercase hex.
func bifMD5HMAC(ctx Context, args []value.Value) (value.Value, error) {
	key := ctx.Local(hmacKey{}, func() any {
		var k hmacKey
		rand.Read(k[:])
		return &k
	}).(*hmacKey)
	h := md5.New()
	for _, a := range args {
		h.Write([]byte(hashBytes(a)))
	}
	d := h.Sum(nil)
	for i := range d {
		d[i] ^= key[i]
	}
	out := md5.Sum(d)
	return value.String(hex.EncodeToString(out[:])), nil
}
