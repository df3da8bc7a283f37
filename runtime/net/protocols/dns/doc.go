// Package dns is the DNS protocol analyser.
package dns
