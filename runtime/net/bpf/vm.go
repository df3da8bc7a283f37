package bpf

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/net/bpf"
)

// Classic BPF opcodes the interpreter implements (class | size | mode,
// class | op | source).
const (
	opLdImm  = 0x00
	opLdWAbs = 0x20
	opLdHAbs = 0x28
	opLdBAbs = 0x30
	opLdWInd = 0x40
	opLdHInd = 0x48
	opLdBInd = 0x50
	opLdMem  = 0x60
	opLdLen  = 0x80
	opLdxImm = 0x01
	opLdxMem = 0x61
	opLdxLen = 0x81
	opLdxMsh = 0xb1
	opSt     = 0x02
	opStx    = 0x03

	opAddK = 0x04
	opSubK = 0x14
	opMulK = 0x24
	opDivK = 0x34
	opOrK  = 0x44
	opAndK = 0x54
	opLshK = 0x64
	opRshK = 0x74
	opNeg  = 0x84
	opModK = 0x94
	opXorK = 0xa4
	opAddX = 0x0c
	opSubX = 0x1c
	opMulX = 0x2c
	opDivX = 0x3c
	opOrX  = 0x4c
	opAndX = 0x5c
	opLshX = 0x6c
	opRshX = 0x7c
	opModX = 0x9c
	opXorX = 0xac

	opJa    = 0x05
	opJeqK  = 0x15
	opJgtK  = 0x25
	opJgeK  = 0x35
	opJsetK = 0x45
	opJeqX  = 0x1d
	opJgtX  = 0x2d
	opJgeX  = 0x3d
	opJsetX = 0x4d

	opRetK = 0x06
	opRetA = 0x16
	opTax  = 0x07
	opTxa  = 0x87
)

// validate checks what run relies on instead of checking at run time:
// known opcodes, scratch indices in range, jumps that land inside the
// program, and no way to fall off its end.
func validate(prog []bpf.RawInstruction) error {
	if len(prog) == 0 {
		return fmt.Errorf("empty program")
	}
	for pc, in := range prog {
		switch in.Op {
		case opLdImm, opLdWAbs, opLdHAbs, opLdBAbs, opLdWInd, opLdHInd, opLdBInd, opLdLen,
			opLdxImm, opLdxLen, opLdxMsh, opNeg, opRetK, opRetA, opTax, opTxa,
			opAddK, opSubK, opMulK, opOrK, opAndK, opLshK, opRshK, opXorK,
			opAddX, opSubX, opMulX, opDivX, opOrX, opAndX, opLshX, opRshX, opModX, opXorX:
		case opDivK, opModK:
			if in.K == 0 {
				return fmt.Errorf("instruction %d: division by zero", pc)
			}
		case opLdMem, opLdxMem, opSt, opStx:
			if in.K >= scratchSlots {
				return fmt.Errorf("instruction %d: scratch index %d out of range", pc, in.K)
			}
		case opJa:
			if uint64(pc)+1+uint64(in.K) >= uint64(len(prog)) {
				return fmt.Errorf("instruction %d: jump out of range", pc)
			}
		case opJeqK, opJgtK, opJgeK, opJsetK, opJeqX, opJgtX, opJgeX, opJsetX:
			if pc+1+int(max(in.Jt, in.Jf)) >= len(prog) {
				return fmt.Errorf("instruction %d: jump out of range", pc)
			}
		default:
			return fmt.Errorf("instruction %d: unsupported opcode %#x", pc, in.Op)
		}
	}
	if op := prog[len(prog)-1].Op; op != opRetK && op != opRetA {
		return fmt.Errorf("program does not end with a return")
	}
	return nil
}

// run interprets a validated program over one packet and returns the
// number of bytes to accept (0 rejects). Packet loads are checked
// against the captured length; a failing load ends the program with 0.
func run(prog []bpf.RawInstruction, p []byte, wireLen uint32) uint32 {
	r, _ := execute(prog, p, wireLen)
	return r
}

// execute is run that also tells whether an out-of-bounds load (or a
// division by zero) ended the program.
func execute(prog []bpf.RawInstruction, p []byte, wireLen uint32) (uint32, bool) {
	var a, x uint32
	var mem [scratchSlots]uint32
	n := uint64(len(p))
	for pc := 0; pc < len(prog); pc++ {
		in := &prog[pc]
		switch in.Op {
		case opLdWAbs, opLdWInd:
			k := in.K
			if in.Op == opLdWInd {
				k += x
			}
			if uint64(k)+4 > n {
				return 0, true
			}
			a = binary.BigEndian.Uint32(p[k:])
		case opLdHAbs, opLdHInd:
			k := in.K
			if in.Op == opLdHInd {
				k += x
			}
			if uint64(k)+2 > n {
				return 0, true
			}
			a = uint32(binary.BigEndian.Uint16(p[k:]))
		case opLdBAbs, opLdBInd:
			k := in.K
			if in.Op == opLdBInd {
				k += x
			}
			if uint64(k) >= n {
				return 0, true
			}
			a = uint32(p[k])
		case opLdImm:
			a = in.K
		case opLdMem:
			a = mem[in.K%scratchSlots]
		case opLdLen:
			a = wireLen
		case opLdxImm:
			x = in.K
		case opLdxMem:
			x = mem[in.K%scratchSlots]
		case opLdxLen:
			x = wireLen
		case opLdxMsh:
			if uint64(in.K) >= n {
				return 0, true
			}
			x = uint32(p[in.K]&0xf) << 2
		case opSt:
			mem[in.K%scratchSlots] = a
		case opStx:
			mem[in.K%scratchSlots] = x

		case opAddK:
			a += in.K
		case opSubK:
			a -= in.K
		case opMulK:
			a *= in.K
		case opDivK:
			if in.K == 0 {
				return 0, true
			}
			a /= in.K
		case opModK:
			if in.K == 0 {
				return 0, true
			}
			a %= in.K
		case opOrK:
			a |= in.K
		case opAndK:
			a &= in.K
		case opXorK:
			a ^= in.K
		case opLshK:
			a <<= in.K
		case opRshK:
			a >>= in.K
		case opAddX:
			a += x
		case opSubX:
			a -= x
		case opMulX:
			a *= x
		case opDivX:
			if x == 0 {
				return 0, true
			}
			a /= x
		case opModX:
			if x == 0 {
				return 0, true
			}
			a %= x
		case opOrX:
			a |= x
		case opAndX:
			a &= x
		case opXorX:
			a ^= x
		case opLshX:
			a <<= x
		case opRshX:
			a >>= x
		case opNeg:
			a = -a

		case opJa:
			if uint64(in.K) >= uint64(len(prog)) {
				return 0, true
			}
			pc += int(in.K)
		case opJeqK:
			pc += cond(a == in.K, in)
		case opJgtK:
			pc += cond(a > in.K, in)
		case opJgeK:
			pc += cond(a >= in.K, in)
		case opJsetK:
			pc += cond(a&in.K != 0, in)
		case opJeqX:
			pc += cond(a == x, in)
		case opJgtX:
			pc += cond(a > x, in)
		case opJgeX:
			pc += cond(a >= x, in)
		case opJsetX:
			pc += cond(a&x != 0, in)

		case opRetK:
			return in.K, false
		case opRetA:
			return a, false
		case opTax:
			x = a
		case opTxa:
			a = x
		default:
			return 0, true
		}
	}
	return 0, true
}

func cond(ok bool, in *bpf.RawInstruction) int {
	if ok {
		return int(in.Jt)
	}
	return int(in.Jf)
}
