package analyzer

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Scripts is what an analyser sees of the script layer, through its
// Context: whether an event has handlers, raising one for its connection,
// and making values of script types (records like dns_msg by name).
// Analysers build an event's arguments only when it is handled, as Zeek
// does, so an unhandled event costs one lookup.
type Scripts interface {
	// Handled reports whether the scripts handle the event.
	Handled(event string) bool
	// Raise queues the event for ctx's connection: the connection
	// record is the first argument and args follow.
	Raise(ctx *Context, event string, args []value.Value)
	// Type is the script type of a global name (nil when the scripts do
	// not declare it), e.g. "dns_msg" or "SSH::Capabilities".
	Type(name string) types.Type
	// Global is the value of a global (false when undeclared or unset).
	Global(name string) (value.Value, bool)
}

// Basics is what every protocol analyser asks of its connection: to
// confirm or reject the protocol, and to raise events for the scripts.
// A *Context provides it; a protocol's own host interface embeds it
// with what else it needs, and its tests give a fake.
type Basics interface {
	Confirm()
	Violation(reason string, data []byte)
	// Handled reports whether the scripts handle the event: analysers
	// build an event's arguments only then.
	Handled(event string) bool
	Raise(event string, args ...value.Value)
}

// Handled reports whether the scripts handle the event.
func (x *Context) Handled(event string) bool { return x.set.m.host.Handled(event) }

// Raise queues the event with the connection record first, then args.
// Events are raised in the order analysers raise them, after the
// transport events of the packet that carried the data.
func (x *Context) Raise(event string, args ...value.Value) {
	if !x.removed {
		x.set.m.host.Raise(x, event, args)
	}
}

// Type is the script type named, or nil.
func (x *Context) Type(name string) types.Type { return x.set.m.host.Type(name) }

// Global is the value of a script global (a setting such as
// dns_max_queries), when the scripts declare and set it.
func (x *Context) Global(name string) (value.Value, bool) { return x.set.m.host.Global(name) }

// NewRecord is a record of the named script record type with every field
// unset but for &default containers (empty records, tables and vectors),
// or nil when the scripts lack the type. Set fields with Record.Set.
func (x *Context) NewRecord(typeName string) *value.Record {
	rt, _ := x.Type(typeName).(*types.RecordType)
	if rt == nil {
		return nil
	}
	return value.NewFullRecord(rt) // analysers fill most fields: no growth
}
