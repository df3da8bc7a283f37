// Package ssh is the SSH protocol analyser (Zeek's ANALYZER_SSH).
//
// Each direction of a connection goes through three stages:
//
//   - version exchange: lines up to the "SSH-" identification string
//     (ssh_client_version, ssh_server_version); lines a server sends before
//     its identification are pre-banner data (ssh_server_pre_banner_data);
//   - key exchange: binary packets in the clear (SSH-2 framing, or SSH-1
//     framing when the two versions settle on protocol 1): KEXINIT
//     becomes ssh_capabilities, the key exchange replies carry the
//     server's host key (ssh_server_host_key, ssh2_server_host_key,
//     ssh1_server_host_key), NEWKEYS confirms the protocol;
//   - encrypted: nothing is parsed any more; each delivered segment is
//     an ssh_encrypted_packet, and for SSH-2 the segments' sizes feed the
//     authentication heuristic (auth.go).
//
// A content gap in either direction stops the analysis, as in Zeek: the
// framing cannot be recovered.
package ssh
