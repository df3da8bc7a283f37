package live

import (
	"errors"
	"strings"
)

// The kinds of failure a Zeek user needs to tell apart. Their texts are
// libpcap's, which is what Zeek (and tcpdump) print for the same problems,
// so a gobro user sees familiar wording. Test with errors.Is.
var (
	// ErrNoSuchDevice: the interface does not exist (in the calling
	// thread's network namespace).
	ErrNoSuchDevice = errors.New("No such device exists")
	// ErrPermission: the process may not open packet sockets.
	ErrPermission = errors.New("You don't have permission to capture on that device")
	// ErrNotUp: the interface exists but is administratively down.
	ErrNotUp = errors.New("That device is not up")
	// ErrWentDown: the interface went down (or disappeared) while capturing.
	ErrWentDown = errors.New("The interface went down")
	// ErrUnsupported: live capture is not available on this system.
	ErrUnsupported = errors.New("live capture is only supported on Linux")

	errBadOptions = errors.New("negative Snaplen, Timeout or BufferSize")
	errNoName     = errors.New("no interface name given")
)

// permHint says what to do about ErrPermission. Zeek users run into this
// when starting `zeek -i` as an ordinary user, so name both fixes.
const permHint = "capturing needs root or the CAP_NET_RAW capability"

// Error is what Open, Next, SetFilter and Stats return for failures of the
// interface. Its text is complete, in the form of Zeek's fatal error:
//
//	problem with interface eth9 (No such device exists (SIOCGIFINDEX: No such device))
//	problem with interface eth0 (You don't have permission to capture on that device: capturing needs root or the CAP_NET_RAW capability (socket: Operation not permitted))
//
// so the engine can print it as it is, after "fatal error: ".
type Error struct {
	Iface string
	Kind  error  // ErrNoSuchDevice, ErrPermission, ...; nil when none fits
	Op    string // the failing step, e.g. "socket" or "SIOCGIFINDEX"
	Err   error  // the underlying error (usually a unix.Errno)
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("problem with interface ")
	b.WriteString(e.Iface)
	b.WriteString(" (")
	if e.Kind != nil {
		b.WriteString(e.Kind.Error())
		if e.Kind == ErrPermission {
			b.WriteString(": ")
			b.WriteString(permHint)
		}
		if e.Err != nil || e.Op != "" {
			b.WriteString(" (")
		}
	}
	if e.Op != "" {
		b.WriteString(e.Op)
		if e.Err != nil {
			b.WriteString(": ")
		}
	}
	if e.Err != nil {
		b.WriteString(strerror(e.Err))
	}
	if e.Kind != nil && (e.Err != nil || e.Op != "") {
		b.WriteString(")")
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap lets errors.Is match both the kind and the system error
// (e.g. ErrNoSuchDevice and unix.ENODEV, or os.ErrPermission).
func (e *Error) Unwrap() []error {
	var out []error
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// strerror prints a system error the way C's strerror does ("No such
// device" rather than Go's "no such device"), as Zeek and tcpdump show it.
func strerror(err error) string {
	s := err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
