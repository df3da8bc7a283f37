package builtins

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"hash/fnv"
	"strconv"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Hash built-ins over strings (and, for fnv1a*, over scalars whose
// rendering is plain decimal or T/F).

func init() {
	register(map[string]Impl{
		"md5_hash":    digestBIF("md5_hash", md5.New),
		"sha1_hash":   digestBIF("sha1_hash", sha1.New),
		"sha256_hash": digestBIF("sha256_hash", sha256.New),
		"fnv1a32":     bifFnv1a32,
		"fnv1a64":     bifFnv1a64,
	})
}

// digestBIF hashes the concatenation of its string arguments and returns
// the lowercase hex digest. Non-string arguments would be hashed through
// Zeek's binary value description, which gobro does not have yet: they are
// an error.
func digestBIF(name string, mk func() hash.Hash) Impl {
	return func(_ Context, args []value.Value) (value.Value, error) {
		h := mk()
		for i, a := range args {
			v := unbox(a)
			s, ok := v.P.(string)
			if !ok {
				return value.String(""), bifError("%s: argument %d is not a string (only strings are supported)", name, i+1)
			}
			h.Write([]byte(s))
		}
		return value.String(hex.EncodeToString(h.Sum(nil))), nil
	}
}

// hashInput is what Zeek's fnv1a hashes for the value in an any box: a
// string's bytes, otherwise the value's text (done here for bool, count
// and int, whose text is simple).
func hashInput(name string, a value.Value) ([]byte, error) {
	box, ok := a.P.(*value.Any)
	if !ok {
		if s, ok := a.P.(string); ok {
			return []byte(s), nil
		}
		return nil, bifError("%s: unexpected argument", name)
	}
	v := box.Value
	switch box.Type.Kind() {
	case types.String:
		return []byte(v.Str()), nil
	case types.Bool:
		if v.Bool() {
			return []byte("T"), nil
		}
		return []byte("F"), nil
	case types.Count:
		return []byte(strconv.FormatUint(v.Count(), 10)), nil
	case types.Int:
		return []byte(strconv.FormatInt(v.Int(), 10)), nil
	}
	return nil, bifError("%s: values of type %s are not supported yet", name, box.Type)
}

func bifFnv1a32(_ Context, args []value.Value) (value.Value, error) {
	b, err := hashInput("fnv1a32", args[0])
	if err != nil {
		return value.Count(0), err
	}
	h := fnv.New32a()
	h.Write(b)
	return value.Count(uint64(h.Sum32())), nil
}

func bifFnv1a64(_ Context, args []value.Value) (value.Value, error) {
	b, err := hashInput("fnv1a64", args[0])
	if err != nil {
		return value.Count(0), err
	}
	h := fnv.New64a()
	h.Write(b)
	return value.Count(h.Sum64()), nil
}
