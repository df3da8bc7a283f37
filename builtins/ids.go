package builtins

import (
	"github.com/gobro/gobro/runtime/value"
)

// unique_id and unique_id_from.
//
// Zeek draws 64 random bits per identifier and writes them in base 62
// ("A-QEredbF4G74", B:bifs.unique_id/out). gobro keeps runs reproducible:
// each pool is a per-run counter (ctx.Local) whose next value is mixed
// with a fixed seed and the pool number by SplitMix64, so the same script
// yields the same identifiers on every run, different pools yield
// unrelated sequences, and nothing is shared between runs or engines.
// Digits are written least significant first with Zeek's alphabet
// 0-9a-zA-Z, without padding (usually 11 digits).

func init() {
	register(map[string]Impl{
		"unique_id":      bifUniqueID,
		"unique_id_from": bifUniqueIDFrom,
	})
}

type uidKey struct{}

// uidState holds the per-run counters, by pool.
type uidState struct {
	next map[int64]uint64
}

const (
	uidSeed = 0x6f6272_6f67 // "gobro"
	// unique_id draws from its own pool, apart from every unique_id_from
	// pool (Zeek keeps the default script pool apart the same way).
	uidDefaultPool = -1 << 63
)

const base62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// uniqueID returns prefix followed by the next identifier of pool.
func uniqueID(ctx Context, pool int64, prefix string) string {
	st := ctx.Local(uidKey{}, func() any { return &uidState{next: map[int64]uint64{}} }).(*uidState)
	n := st.next[pool]
	st.next[pool] = n + 1
	x := splitmix64(splitmix64(uidSeed^uint64(pool)) + n)
	b := []byte(prefix)
	for {
		b = append(b, base62[x%62])
		x /= 62
		if x == 0 {
			break
		}
	}
	return string(b)
}

func bifUniqueID(ctx Context, args []value.Value) (value.Value, error) {
	return value.String(uniqueID(ctx, uidDefaultPool, args[0].Str())), nil
}

func bifUniqueIDFrom(ctx Context, args []value.Value) (value.Value, error) {
	return value.String(uniqueID(ctx, args[0].Int(), args[1].Str())), nil
}
