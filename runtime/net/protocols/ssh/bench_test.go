package ssh

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/protocols/exchange"
	"github.com/gobro/gobro/runtime/value"
)

// OpenSSH 9.x's offers, so KEXINIT parsing and the method choice see
// lists of the usual length.
var (
	benchKex = "mlkem768x25519-sha256,sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com," +
		"curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384," +
		"ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512," +
		"diffie-hellman-group18-sha512,diffie-hellman-group14-sha256"
	benchHostKeys = "ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com," +
		"rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,ssh-ed25519," +
		"ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256"
	benchCiphers = "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr," +
		"aes128-gcm@openssh.com,aes256-gcm@openssh.com"
	benchMACs = "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com," +
		"hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com," +
		"umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1"
	benchCompression = "none,zlib@openssh.com"
)

func benchKexInit(kexSuffix string) []byte {
	p := [][]byte{make([]byte, 16), sshString(benchKex + kexSuffix), sshString(benchHostKeys)}
	for _, l := range []string{benchCiphers, benchCiphers, benchMACs, benchMACs, benchCompression, benchCompression, "", ""} {
		p = append(p, sshString(l))
	}
	p = append(p, []byte{0, 0, 0, 0, 0})
	return packet(msgKexInit, p...)
}

// Sizes of the encrypted segments of a password login as the
// authentication heuristic reads them: the server's SERVICE_ACCEPT sets
// the baseline, USERAUTH_FAILURE differs from it, USERAUTH_SUCCESS is 16
// bytes smaller.
const (
	sizeServiceRequest = 68
	sizeServiceAccept  = 44
	sizeAuthRequest    = 100
	sizeAuthFailure    = 76
	sizeAuthSuccess    = sizeServiceAccept - 16
)

// sshSession is the input of BenchmarkAnalyzer and what it must raise.
type sshSession struct {
	exchange.Exchange
	encrypted int // bytes after NEWKEYS, both directions
}

// newSSHSession builds an SSH-2 connection: the version exchange,
// KEXINIT both ways, a hybrid ML-KEM/X25519 exchange with an Ed25519
// host key, NEWKEYS, a password login that fails once and then
// succeeds, and then bulk transfers in both directions (as scp or
// rsync would do), each burst of one side answered by a window
// adjustment of the other, until about bulk bytes went by.
func newSSHSession(bulk int) *sshSession {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	s := &sshSession{}
	enc := func(orig bool, n int) {
		s.Send(orig, random(n))
		s.encrypted += n
	}
	hostKey := append(sshString("ssh-ed25519"), sshString(string(random(32)))...)
	sig := append(sshString("ssh-ed25519"), sshString(string(random(64)))...)

	s.Send(false, []byte("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n"))
	s.Send(true, []byte("SSH-2.0-OpenSSH_9.9\r\n"))
	s.Send(true, benchKexInit(",ext-info-c,kex-strict-c-v00@openssh.com"))
	s.Send(false, benchKexInit(",ext-info-s,kex-strict-s-v00@openssh.com"))
	s.Send(true, packet(30, sshString(string(random(1216)))))
	s.Send(false, packet(31, sshString(string(hostKey)), sshString(string(random(1120))), sshString(string(sig))))
	s.Send(false, packet(msgNewKeys))
	s.Send(true, packet(msgNewKeys))
	enc(true, sizeServiceRequest)
	enc(false, sizeServiceAccept)
	for range 2 {
		enc(true, sizeAuthRequest)
		enc(false, sizeAuthFailure)
	}
	enc(true, sizeAuthRequest)
	enc(false, sizeAuthSuccess)
	const burst, windowAdjust = 64 << 10, 36
	for orig := true; s.encrypted < bulk; orig = !orig {
		enc(orig, burst)
		enc(!orig, windowAdjust)
	}
	s.Flush()
	return s
}

// benchTypes are the record types of ssh_capabilities, as the base
// scripts declare them, so that event is built too.
var benchTypes = func() map[string]types.Type {
	vec := &types.VectorType{Name: "string_vec", Elem: types.StringType}
	prefs := types.NewRecord("SSH::Algorithm_Prefs")
	for _, f := range []string{"client_to_server", "server_to_client"} {
		prefs.AddField(&types.Field{Name: f, Type: vec, Optional: true})
	}
	caps := types.NewRecord("SSH::Capabilities")
	for _, f := range []*types.Field{
		{Name: "kex_algorithms", Type: vec},
		{Name: "server_host_key_algorithms", Type: vec},
		{Name: "encryption_algorithms", Type: prefs},
		{Name: "mac_algorithms", Type: prefs},
		{Name: "compression_algorithms", Type: prefs},
		{Name: "languages", Type: prefs, Optional: true},
		{Name: "is_server", Type: types.BoolType},
	} {
		caps.AddField(f)
	}
	return map[string]types.Type{"SSH::Capabilities": caps, "SSH::Algorithm_Prefs": prefs}
}()

// countingHost handles every event and keeps only counts, enough to
// tell the benchmark parsed its input rather than rejected it.
type countingHost struct {
	versions, caps, hostKeys, eccKeys int
	confirms, attempts, logins        int
	encPackets                        int
	encBytes                          uint64
	bad                               string // the first violation or weird
}

func (h *countingHost) Confirm() { h.confirms++ }
func (h *countingHost) Violation(reason string, _ []byte) {
	if h.bad == "" {
		h.bad = "violation " + reason
	}
}
func (h *countingHost) Weird(name, addl string) {
	if h.bad == "" {
		h.bad = "weird " + name + " " + addl
	}
}
func (h *countingHost) Handled(string) bool         { return true }
func (h *countingHost) Type(name string) types.Type { return benchTypes[name] }
func (h *countingHost) Raise(ev string, args ...value.Value) {
	switch ev {
	case "ssh_encrypted_packet":
		h.encPackets++
		h.encBytes += args[1].Count()
	case "ssh_client_version", "ssh_server_version":
		h.versions++
	case "ssh_capabilities":
		h.caps++
	case "ssh2_server_host_key":
		h.hostKeys++
	case "ssh2_ecc_key":
		h.eccKeys++
	case "ssh_auth_attempted":
		h.attempts++
	case "ssh_auth_successful":
		h.logins++
	}
}

// check reports what differs from n runs over s.
func (h *countingHost) check(s *sshSession, n int) error {
	if h.bad != "" {
		return fmt.Errorf("%s", h.bad)
	}
	got := [...]int{h.versions, h.caps, h.hostKeys, h.eccKeys, h.confirms, h.attempts, h.logins, int(h.encBytes)}
	want := [...]int{2 * n, 2 * n, n, 2 * n, 2 * n, 2 * n, n, s.encrypted * n}
	if got != want {
		return fmt.Errorf("versions, capabilities, host keys, ECC keys, confirms, auth attempts, logins, encrypted bytes: got %v, want %v", got, want)
	}
	return nil
}

// BenchmarkAnalyzer runs one SSH-2 connection per iteration: the
// key exchange in the clear, a login the heuristic infers, then about
// 4 MB of encrypted traffic, the steady state that dominates real
// connections.
func BenchmarkAnalyzer(b *testing.B) {
	s := newSSHSession(4 << 20)
	h := &countingHost{}
	b.SetBytes(int64(s.Total))
	b.ReportAllocs()
	for b.Loop() {
		s.Feed(newConn(h))
	}
	if err := h.check(s, b.N); err != nil {
		b.Fatal(err)
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(h.encPackets)/sec, "pkts/s")
	b.ReportMetric(float64(h.logins)/float64(b.N), "logins/op")
}
