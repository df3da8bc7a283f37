package ntp

import (
	"math"
	"net/netip"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// epochOffset is the NTP epoch (1900) in Unix time.
const epochOffset = -2208988800

// record is a new record of the named script type (nil when the scripts
// lack it).
func (c *conn) record(name string) *value.Record {
	rt, ok := c.types[name]
	if !ok {
		rt, _ = c.h.Type(name).(*types.RecordType)
		if c.types == nil {
			c.types = map[string]*types.RecordType{}
		}
		c.types[name] = rt
	}
	if rt == nil {
		return nil
	}
	return value.NewRecord(rt)
}

func recordVal(r *value.Record) value.Value {
	if r == nil {
		return value.None
	}
	return value.Value{P: r}
}

// messageVal is m as an NTP::Message.
func (c *conn) messageVal(m *message) value.Value {
	r := c.record("NTP::Message")
	if r == nil {
		return value.None
	}
	r.Set("version", value.Count(uint64(m.version)))
	r.Set("mode", value.Count(uint64(m.mode)))
	switch {
	case m.std != nil:
		r.Set("std_msg", recordVal(c.standardVal(m.std)))
	case m.control != nil:
		r.Set("control_msg", recordVal(c.controlVal(m.control)))
	case m.private != nil:
		r.Set("mode7_msg", recordVal(c.privateVal(m.private)))
	}
	return value.Value{P: r}
}

func (c *conn) standardVal(s *standard) *value.Record {
	r := c.record("NTP::StandardMessage")
	if r == nil {
		return nil
	}
	r.Set("stratum", value.Count(uint64(s.stratum)))
	r.Set("poll", value.Interval(math.Pow(2, float64(s.poll))))
	r.Set("precision", value.Interval(math.Pow(2, float64(s.precision))))
	r.Set("root_delay", value.Interval(shortTime(s.rootDelay)))
	r.Set("root_disp", value.Interval(shortTime(s.rootDisp)))
	// What the reference id means depends on the stratum: a kiss code
	// (stratum 0), the name of a reference clock (1), else the IPv4
	// address of the server synchronised to.
	switch s.stratum {
	case 0:
		r.Set("kiss_code", value.String(string(s.refID[:])))
	case 1:
		r.Set("ref_id", value.String(string(s.refID[:])))
	default:
		r.Set("ref_addr", value.Addr(netip.AddrFrom4(s.refID)))
	}
	r.Set("ref_time", value.Time(s.ref.unix()))
	r.Set("org_time", value.Time(s.org.unix()))
	r.Set("rec_time", value.Time(s.rec.unix()))
	r.Set("xmt_time", value.Time(s.xmt.unix()))
	if s.mac != nil {
		r.Set("key_id", value.Count(uint64(s.mac.keyID)))
		r.Set("digest", value.String(string(s.mac.digest)))
	}
	// Zeek sets the count only when there are extension fields; the
	// field's &default makes it 0 otherwise, which is set here so that
	// the record reads the same everywhere.
	r.Set("num_exts", value.Count(uint64(s.numExts)))
	return r
}

func (c *conn) controlVal(m *control) *value.Record {
	r := c.record("NTP::ControlMessage")
	if r == nil {
		return nil
	}
	r.Set("op_code", value.Count(uint64(m.opCode)))
	r.Set("resp_bit", value.Bool(m.resp))
	r.Set("err_bit", value.Bool(m.err))
	r.Set("more_bit", value.Bool(m.more))
	r.Set("sequence", value.Count(uint64(m.sequence)))
	r.Set("status", value.Count(uint64(m.status)))
	r.Set("association_id", value.Count(uint64(m.assoc)))
	if len(m.data) > 0 {
		r.Set("data", value.String(string(m.data)))
	}
	if m.mac != nil {
		r.Set("key_id", value.Count(uint64(m.mac.keyID)))
		r.Set("crypto_checksum", value.String(string(m.mac.digest)))
	}
	return r
}

func (c *conn) privateVal(m *private) *value.Record {
	r := c.record("NTP::Mode7Message")
	if r == nil {
		return nil
	}
	r.Set("req_code", value.Count(uint64(m.reqCode)))
	r.Set("auth_bit", value.Bool(m.auth))
	r.Set("sequence", value.Count(uint64(m.sequence)))
	r.Set("implementation", value.Count(uint64(m.implementation)))
	r.Set("err", value.Count(uint64(m.err)))
	if len(m.data) > 0 {
		r.Set("data", value.String(string(m.data)))
	}
	return r
}

// shortTime is an NTP short time in seconds; its halves are signed, as
// Zeek reads them, so a fraction of half a second or more counts
// negative.
func shortTime(t [2]int16) float64 {
	return float64(t[0]) + float64(t[1])*0x1p-16
}

// unix is the timestamp in Unix time; zero stays zero (unset, in NTP).
func (t timestamp) unix() float64 {
	if t.sec == 0 && t.frac == 0 {
		return 0
	}
	return float64(int64(t.sec)+epochOffset) + float64(t.frac)*0x1p-32
}
