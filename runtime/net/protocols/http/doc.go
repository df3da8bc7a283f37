// Package http is the HTTP protocol analyser.
package http
