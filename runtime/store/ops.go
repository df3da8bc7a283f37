package store

import (
	"fmt"

	"github.com/gobro/gobro/runtime/broker"
)

// ZeroOf is the value a missing key starts from in Add: 0 of a number
// type, time 0, an empty string, set, table or vector. It reports false
// for kinds that Broker does not create from nothing.
func ZeroOf(k broker.Kind) (broker.Data, bool) {
	switch k {
	case broker.KindCount:
		return broker.Count(0), true
	case broker.KindInteger:
		return broker.Integer(0), true
	case broker.KindReal:
		return broker.Real(0), true
	case broker.KindString:
		return broker.String(""), true
	case broker.KindTimestamp:
		return broker.Timestamp(0), true
	case broker.KindTimespan:
		return broker.Timespan(0), true
	case broker.KindSet:
		return broker.NewSet(), true
	case broker.KindTable:
		return broker.NewTable(), true
	case broker.KindVector:
		return broker.Vector{}, true
	}
	return nil, false
}

func clash(op string, stored, arg broker.Data) error {
	return fmt.Errorf("%w: cannot %s %s to a stored %s", ErrTypeClash, op, arg.Kind(), stored.Kind())
}

// AddData is Broker's add on a stored value (it may modify stored sets and
// tables in place and returns the result): count+count, integer+integer,
// real+real, timespan+timespan, timestamp+timespan (integers wrap around
// modulo 2^64); string: concatenate a string; set: insert; vector: push;
// table: the argument must be a vector [index, value]. Anything else is
// ErrTypeClash.
func AddData(stored, arg broker.Data) (broker.Data, error) {
	switch s := stored.(type) {
	case broker.Count:
		if a, ok := arg.(broker.Count); ok {
			return s + a, nil
		}
	case broker.Integer:
		if a, ok := arg.(broker.Integer); ok {
			return s + a, nil
		}
	case broker.Real:
		if a, ok := arg.(broker.Real); ok {
			return s + a, nil
		}
	case broker.Timespan:
		if a, ok := arg.(broker.Timespan); ok {
			return s + a, nil
		}
	case broker.Timestamp:
		if a, ok := arg.(broker.Timespan); ok {
			return s + broker.Timestamp(a), nil
		}
	case broker.String:
		if a, ok := arg.(broker.String); ok {
			return s + a, nil
		}
	case *broker.Set:
		s.Insert(arg)
		return s, nil
	case broker.Vector:
		return append(s, arg), nil
	case *broker.Table:
		if a, ok := arg.(broker.Vector); ok && len(a) == 2 {
			s.Insert(a[0], a[1])
			return s, nil
		}
	}
	return nil, clash("add", stored, arg)
}

// SubtractData is Broker's subtract: count, integer, real, timespan minus
// the same type, timestamp minus timespan; set: remove the argument;
// table: remove that index; vector: drop the last element whatever the
// argument (an empty vector stays empty). Anything else is ErrTypeClash.
func SubtractData(stored, arg broker.Data) (broker.Data, error) {
	switch s := stored.(type) {
	case broker.Count:
		if a, ok := arg.(broker.Count); ok {
			return s - a, nil
		}
	case broker.Integer:
		if a, ok := arg.(broker.Integer); ok {
			return s - a, nil
		}
	case broker.Real:
		if a, ok := arg.(broker.Real); ok {
			return s - a, nil
		}
	case broker.Timespan:
		if a, ok := arg.(broker.Timespan); ok {
			return s - a, nil
		}
	case broker.Timestamp:
		if a, ok := arg.(broker.Timespan); ok {
			return s - broker.Timestamp(a), nil
		}
	case *broker.Set:
		s.Remove(arg)
		return s, nil
	case *broker.Table:
		s.Remove(arg)
		return s, nil
	case broker.Vector:
		if len(s) > 0 {
			s = s[:len(s)-1]
		}
		return s, nil
	}
	return nil, clash("subtract", stored, arg)
}

// IndexData is get_index_from_value on a stored value (see
// Store.GetIndexFromValue).
func IndexData(stored, index broker.Data) (broker.Data, error) {
	switch s := stored.(type) {
	case *broker.Table:
		if v, ok := s.Lookup(index); ok {
			return v, nil
		}
		return nil, fmt.Errorf("%w: table has no index %s", ErrNoSuchKey, broker.Render(index))
	case *broker.Set:
		return broker.Bool(s.Contains(index)), nil
	case broker.Vector:
		var i uint64
		switch x := index.(type) {
		case broker.Count:
			i = uint64(x)
		case broker.Integer:
			if x < 0 {
				return nil, fmt.Errorf("%w: negative vector index %d", ErrTypeClash, x)
			}
			i = uint64(x)
		default:
			return nil, fmt.Errorf("%w: vector index must be a count or integer, not %s", ErrTypeClash, index.Kind())
		}
		if i >= uint64(len(s)) {
			return nil, fmt.Errorf("%w: vector index %d out of range (size %d)", ErrNoSuchKey, i, len(s))
		}
		return s[i], nil
	}
	return stored, nil
}
