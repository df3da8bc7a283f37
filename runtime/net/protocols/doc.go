// Package protocols holds the protocol analysers, one package each
// (dns, http, ssl, ssh): each registers an analyzer.Spec in its init and
// turns a connection's payload into Zeek's events through its
// analyzer.Context. The engine links them all in (runtime/engine
// protocols.go); their content signatures come from the dpd.sig files the
// base/protocols scripts load.
package protocols
