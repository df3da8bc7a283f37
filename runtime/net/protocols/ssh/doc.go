// Package ssh is the SSH protocol analyser.
package ssh
