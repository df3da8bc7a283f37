package ssh

import "github.com/gobro/gobro/runtime/value"

// authState infers the outcome of SSH-2 user authentication from the
// sizes of the encrypted segments the server sends, as Zeek does (its
// documented heuristic; sizes are of delivered TCP segments, not of SSH
// packets):
//
//   - server segments before the client sent anything encrypted are
//     banners and are ignored;
//   - the first server segment after that is SSH_MSG_SERVICE_ACCEPT and
//     sets the baseline;
//   - a segment 16 bytes smaller than the baseline is
//     SSH_MSG_USERAUTH_SUCCESS: success (with method "none" if no
//     failure came before it);
//   - the first other segment is SSH_MSG_USERAUTH_FAILURE and sets the
//     failure size, unless it is more than 256 bytes above the baseline
//     (a pre-authentication banner, skipped once);
//   - every later segment of the failure size is one failed attempt.
//
// After a success nothing more is inferred.
type authState struct {
	decided       bool
	skippedBanner bool
	sawClientData bool
	serviceAccept int
	failureSize   int
}

// encrypted handles one encrypted segment of n bytes.
func (c *conn) encrypted(isOrig bool, n int) {
	if c.h.Handled("ssh_encrypted_packet") {
		c.h.Raise("ssh_encrypted_packet", value.Bool(isOrig), value.Count(uint64(n)))
	}
	if c.auth.decided || c.version != ver2 {
		return
	}
	a := &c.auth
	switch {
	case isOrig:
		a.sawClientData = true
	case !a.sawClientData:
	case a.serviceAccept == 0:
		a.serviceAccept = n
	case a.failureSize == 0 && n+16 == a.serviceAccept:
		c.authSucceeded(true)
	case a.failureSize == 0:
		if !a.skippedBanner && n-a.serviceAccept > 256 {
			a.skippedBanner = true
			return
		}
		a.failureSize = n
	case n == a.failureSize:
		c.authAttempted(false)
	case n+16 == a.serviceAccept:
		c.authSucceeded(false)
	}
}

func (c *conn) authAttempted(ok bool) {
	if c.h.Handled("ssh_auth_attempted") {
		c.h.Raise("ssh_auth_attempted", value.Bool(ok))
	}
}

// authSucceeded ends the inference; methodNone says the server let the
// user in without any failed attempt (the "none" method).
func (c *conn) authSucceeded(methodNone bool) {
	c.auth.decided = true
	c.authAttempted(true)
	if c.h.Handled("ssh_auth_successful") {
		c.h.Raise("ssh_auth_successful", value.Bool(methodNone))
	}
}
