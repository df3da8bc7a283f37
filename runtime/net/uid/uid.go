// Package uid reproduces Zeek's unique identifiers (connection uids such as
// "CHhAvVGS1DHFjwGM9").
//
// Zeek derives uids from a seed: random.seed (-G / ZEEK_SEED_FILE) or
// ZEEK_SEED_VALUES hold 21 unsigned decimal numbers. The first seeds Zeek's
// own random-number generator; the next 20 (w1..w20) form an 80-byte seed
// buffer of 32-bit little-endian words. Bytes 64..79 of that buffer
// (w17..w20) are the SipHash-2-4 key. Every uid pool keeps a counter; one
// draw increments it and hashes le64(pool) || le64(counter). A uid of
// bits_per_uid (96) bits takes two draws a, b and is rendered as
// prefix + base62(a >> 32) + base62(b).
//
// With a seed (file, values or -D's all-zero seed) the sequence is fixed and
// matches Zeek's; without one the key and pool instances are random, as in
// Zeek, and the uids are unique but not reproducible.
package uid

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Pools used by Zeek (util.h).
const (
	// PoolInternal is UID_POOL_DEFAULT_INTERNAL, used for connection and
	// tunnel uids.
	PoolInternal uint64 = 1
	// PoolScript is UID_POOL_DEFAULT_SCRIPT, used by the unique_id() bif.
	PoolScript uint64 = 2
	// PoolCustomScript is UID_POOL_CUSTOM_SCRIPT, the first pool that
	// unique_id_from() may name.
	PoolCustomScript uint64 = 10
)

// DefaultBitsPerUID is Zeek's default for the script constant bits_per_uid.
const DefaultBitsPerUID = 96

// SeedWords is the number of words in a Zeek seed: one for the random-number
// generator, then 20 for the 80-byte keyed-hash seed buffer.
const SeedWords = 21

// Seed is a parsed Zeek seed.
type Seed struct {
	// RNG is the first number, the seed of Zeek's random-number generator.
	RNG uint32
	// Buf is the 20-word (80-byte) keyed-hash seed buffer.
	Buf [SeedWords - 1]uint32
}

// SipKey returns the SipHash key halves taken from bytes 64..79 of the
// seed buffer (w17..w20).
func (s Seed) SipKey() (k0, k1 uint64) {
	k0 = uint64(s.Buf[16]) | uint64(s.Buf[17])<<32
	k1 = uint64(s.Buf[18]) | uint64(s.Buf[19])<<32
	return k0, k1
}

// ParseSeed parses 21 whitespace-separated unsigned decimal numbers, the
// format of Zeek's seed files and of ZEEK_SEED_VALUES. Text after the 21st
// number is ignored, as Zeek's fscanf-based reader does.
func ParseSeed(text string) (Seed, error) {
	var s Seed
	fields := strings.Fields(text)
	if len(fields) < SeedWords {
		return s, fmt.Errorf("uid: seed has %d values, need %d", len(fields), SeedWords)
	}
	for i := 0; i < SeedWords; i++ {
		v, err := strconv.ParseUint(fields[i], 10, 32)
		if err != nil {
			return s, fmt.Errorf("uid: seed value %d (%q): not an unsigned 32-bit number", i+1, fields[i])
		}
		if i == 0 {
			s.RNG = uint32(v)
		} else {
			s.Buf[i-1] = uint32(v)
		}
	}
	return s, nil
}

// ReadSeedFile reads a seed file (Zeek's -G / ZEEK_SEED_FILE format).
func ReadSeedFile(path string) (Seed, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Seed{}, fmt.Errorf("uid: could not load seeds from file %q: %w", path, err)
	}
	s, err := ParseSeed(string(b))
	if err != nil {
		return Seed{}, fmt.Errorf("uid: could not load seeds from file %q: %w", path, err)
	}
	return s, nil
}

// Generator produces Zeek uids. It is safe for concurrent use.
type Generator struct {
	mu            sync.Mutex
	k0, k1        uint64
	deterministic bool
	seeded        bool // the seed came from a seed file or ZEEK_SEED_VALUES
	seed          Seed
	bits          int
	// instance maps a pool to its hashed instance value and counters map a
	// pool to its counter.
	instance map[uint64]uint64
	counters map[uint64]uint64
}

// NewFromSeed returns a deterministic generator for seed s (read from a
// seed file or ZEEK_SEED_VALUES).
func NewFromSeed(s Seed) *Generator {
	g := newSeeded(s)
	g.seeded = true
	return g
}

func newSeeded(s Seed) *Generator {
	k0, k1 := s.SipKey()
	return &Generator{
		k0: k0, k1: k1, deterministic: true, seed: s, bits: DefaultBitsPerUID,
		instance: map[uint64]uint64{}, counters: map[uint64]uint64{},
	}
}

// NewFromFile returns a deterministic generator seeded from a seed file.
func NewFromFile(path string) (*Generator, error) {
	s, err := ReadSeedFile(path)
	if err != nil {
		return nil, err
	}
	return NewFromSeed(s), nil
}

// NewFromValues returns a deterministic generator seeded from a
// ZEEK_SEED_VALUES string.
func NewFromValues(values string) (*Generator, error) {
	s, err := ParseSeed(values)
	if err != nil {
		return nil, fmt.Errorf("uid: ZEEK_SEED_VALUES: %w", err)
	}
	return NewFromSeed(s), nil
}

// NewDeterministic returns the generator of Zeek's -D (--deterministic): all
// seeds zero.
func NewDeterministic() *Generator {
	return newSeeded(Seed{})
}

// NewRandom returns a generator with a random key and random per-pool
// instances; its uids are not reproducible.
func NewRandom() *Generator {
	var kb [16]byte
	if _, err := rand.Read(kb[:]); err != nil {
		panic("uid: crypto/rand: " + err.Error())
	}
	return &Generator{
		k0:       binary.LittleEndian.Uint64(kb[0:8]),
		k1:       binary.LittleEndian.Uint64(kb[8:16]),
		bits:     DefaultBitsPerUID,
		instance: map[uint64]uint64{}, counters: map[uint64]uint64{},
	}
}

// ErrSeedConflict is returned by New when ZEEK_SEED_VALUES is combined with
// a seed file, which Zeek refuses.
var ErrSeedConflict = errors.New("can't use ZEEK_SEED_VALUES together with ZEEK_SEED_FILE or -G")

// Options selects the seed source the way Zeek's command line does.
type Options struct {
	// SeedFile is -G's argument; empty means none.
	SeedFile string
	// Deterministic is -D.
	Deterministic bool
	// Getenv reads the environment (ZEEK_SEED_FILE, ZEEK_SEED_VALUES);
	// nil means os.Getenv.
	Getenv func(string) string
}

// New picks the seed source as Zeek does: -G overrides ZEEK_SEED_FILE; a
// non-empty ZEEK_SEED_VALUES with a seed file is an error; a seed file, then
// ZEEK_SEED_VALUES, then -D (all-zero seeds) give deterministic uids, and
// nothing gives random ones.
func New(o Options) (*Generator, error) {
	s, ok, err := LoadSeed(o)
	switch {
	case err != nil:
		return nil, err
	case ok:
		return NewFromSeed(s), nil
	case o.Deterministic:
		return NewDeterministic(), nil
	default:
		return NewRandom(), nil
	}
}

// LoadSeed reads the seed that o names, as New does: from the seed file
// (-G, else ZEEK_SEED_FILE) or ZEEK_SEED_VALUES. ok is false when neither
// is given (-D does not count: it is no seed file).
func LoadSeed(o Options) (s Seed, ok bool, err error) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	values := getenv("ZEEK_SEED_VALUES")
	file := getenv("ZEEK_SEED_FILE")
	if o.SeedFile != "" {
		file = o.SeedFile
	}
	switch {
	case file != "" && values != "":
		return s, false, ErrSeedConflict
	case file != "":
		s, err = ReadSeedFile(file)
	case values != "":
		s, err = ParseSeed(values)
		if err != nil {
			err = fmt.Errorf("uid: ZEEK_SEED_VALUES: %w", err)
		}
	default:
		return s, false, nil
	}
	return s, err == nil, err
}

// Deterministic reports whether the generator's sequence is reproducible.
func (g *Generator) Deterministic() bool { return g.deterministic }

// Seed returns the seed of a deterministic generator (zero for a random one).
func (g *Generator) Seed() Seed { return g.seed }

// Seeded returns the seed when it came from a seed file or
// ZEEK_SEED_VALUES (not from -D, and not random).
func (g *Generator) Seeded() (Seed, bool) { return g.seed, g.seeded }

// SetBitsPerUID sets the uid length in bits (Zeek's bits_per_uid, 1..128).
// Zeek rounds up to whole 64-bit draws and shifts the first draw right so
// that it keeps only the remaining bits.
func (g *Generator) SetBitsPerUID(n int) {
	if n < 1 {
		n = 1
	}
	if n > 128 {
		n = 128
	}
	g.mu.Lock()
	g.bits = n
	g.mu.Unlock()
}

// Draw returns the next 64-bit value of pool (Zeek's calculate_unique_id).
func (g *Generator) Draw(pool uint64) uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.drawLocked(pool)
}

func (g *Generator) drawLocked(pool uint64) uint64 {
	inst, ok := g.instance[pool]
	if !ok {
		if g.deterministic {
			inst = pool
		} else {
			var b [8]byte
			if _, err := rand.Read(b[:]); err != nil {
				panic("uid: crypto/rand: " + err.Error())
			}
			inst = binary.LittleEndian.Uint64(b[:]) | 1 // never zero
		}
		g.instance[pool] = inst
	}
	c := g.counters[pool] + 1
	g.counters[pool] = c
	var msg [16]byte
	binary.LittleEndian.PutUint64(msg[0:8], inst)
	binary.LittleEndian.PutUint64(msg[8:16], c)
	return SipHash24(g.k0, g.k1, msg[:])
}

// NextPool returns the next uid from pool with the given prefix.
func (g *Generator) NextPool(pool uint64, prefix byte) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := (g.bits + 63) / 64
	words := make([]uint64, n)
	for i := range words {
		words[i] = g.drawLocked(pool)
	}
	if r := g.bits % 64; r != 0 {
		words[0] >>= uint(64 - r)
	}
	out := make([]byte, 0, 1+11*n)
	out = append(out, prefix)
	for _, w := range words {
		out = AppendBase62(out, w)
	}
	return string(out)
}

// Next returns the next uid from Zeek's internal pool (pool 1, shared by
// connections and tunnels) with the given prefix: 'C' for connections,
// 'F' for files.
func (g *Generator) Next(prefix byte) string {
	return g.NextPool(PoolInternal, prefix)
}
