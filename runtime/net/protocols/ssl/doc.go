// Package ssl is the SSL protocol analyser.
package ssl
