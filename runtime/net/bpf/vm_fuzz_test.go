package bpf

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"
)

// progBytes and parseProg encode a program as the fuzzer sees it: 8
// bytes per instruction (op, jt, jf, k; big endian).
func progBytes(prog []bpf.RawInstruction) []byte {
	b := make([]byte, 0, 8*len(prog))
	for _, in := range prog {
		b = binary.BigEndian.AppendUint16(b, in.Op)
		b = append(b, in.Jt, in.Jf)
		b = binary.BigEndian.AppendUint32(b, in.K)
	}
	return b
}

func parseProg(b []byte) []bpf.RawInstruction {
	prog := make([]bpf.RawInstruction, 0, len(b)/8)
	for ; len(b) >= 8; b = b[8:] {
		prog = append(prog, bpf.RawInstruction{Op: binary.BigEndian.Uint16(b), Jt: b[2], Jf: b[3], K: binary.BigEndian.Uint32(b[4:])})
	}
	return prog
}

// FuzzVM runs arbitrary classic-BPF programs over arbitrary packets.
// The interpreter must not panic even on programs validate rejects, and
// it is bounded by construction: every step moves the program counter
// forward, so a run takes at most len(prog) steps. Programs validate
// accepts must give the same verdict as golang.org/x/net/bpf's VM
// wherever that VM implements the program's instructions alike.
func FuzzVM(f *testing.F) {
	frames := synthetic()
	for i, e := range oracleFilters[:min(len(oracleFilters), 24)] {
		flt, err := Compile(e, layers.LinkTypeEthernet, 0)
		if err != nil {
			continue
		}
		f.Add(progBytes(flt.prog), frames[i%len(frames)].data, uint32(len(frames[i%len(frames)].data)))
	}
	f.Add(progBytes([]bpf.RawInstruction{{Op: opLdxMsh, K: 14}, {Op: opLdHInd, K: 14}, {Op: opJeqK, Jt: 0, Jf: 1, K: 80}, {Op: opRetK, K: 1}, {Op: opRetK}}), frames[0].data, uint32(0))
	f.Add(progBytes([]bpf.RawInstruction{{Op: opLdImm, K: 7}, {Op: opSt, K: 15}, {Op: opLdxMem, K: 15}, {Op: opDivX}, {Op: opJa, K: 0}, {Op: opRetA}}), []byte{}, uint32(0))
	f.Fuzz(func(t *testing.T, code, pkt []byte, wire uint32) {
		prog := parseProg(code)
		execute(prog, pkt, wire) // no panic, whatever the program
		if validate(prog) != nil {
			return
		}
		got := run(prog, pkt, uint32(len(pkt)))
		if want, ok := refRun(prog, pkt); ok && int(got) != want {
			t.Fatalf("program %v on %x: %d, x/net/bpf says %d", prog, pkt, got, want)
		}
	})
}

// refRun runs prog with golang.org/x/net/bpf when that VM takes it and
// reads every instruction as we do (the program survives a
// disassemble/assemble round trip).
func refRun(prog []bpf.RawInstruction, pkt []byte) (int, bool) {
	insts := make([]bpf.Instruction, len(prog))
	for i, in := range prog {
		insts[i] = in.Disassemble()
		if _, raw := insts[i].(bpf.RawInstruction); raw {
			return 0, false
		}
	}
	back, err := bpf.Assemble(insts)
	if err != nil || !slices.Equal(back, prog) {
		return 0, false
	}
	vm, err := bpf.NewVM(insts)
	if err != nil {
		return 0, false
	}
	n, err := vm.Run(pkt)
	return n, err == nil
}
