package builtins

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gobro/gobro/runtime/value"
)

// Time built-ins. strftime and strptime follow C's (C locale) in the local
// time zone, which honours TZ as Zeek's localtime/mktime do.

func init() {
	register(map[string]Impl{
		"network_time":       bifNetworkTime,
		"current_time":       bifCurrentTime,
		"double_to_time":     bifIdentity,
		"time_to_double":     bifIdentity,
		"double_to_interval": bifIdentity,
		"interval_to_double": bifIdentity,
		"strftime":           bifStrftime,
		"strptime":           bifStrptime,
	})
}

// now is the wall clock; tests replace it.
var now = time.Now

func bifNetworkTime(ctx Context, _ []value.Value) (value.Value, error) {
	return value.Time(ctx.NetworkTime()), nil
}

func bifCurrentTime(_ Context, _ []value.Value) (value.Value, error) {
	t := now()
	return value.Time(float64(t.UnixNano()) / 1e9), nil
}

// bifIdentity converts between double, time and interval, which share
// their representation.
func bifIdentity(_ Context, args []value.Value) (value.Value, error) {
	return value.Value{N: args[0].N}, nil
}

// strftimeMax is the size of Zeek's buffer: longer results fail.
const strftimeMax = 128

// strftime formats d (truncated to whole seconds) in local time; an empty
// or too long result is "<strftime error>".
func bifStrftime(_ Context, args []value.Value) (value.Value, error) {
	d := args[1].Double()
	if math.IsNaN(d) || math.IsInf(d, 0) {
		return value.String("<strftime error>"), nil
	}
	t := time.Unix(int64(d), 0).In(time.Local)
	s := cStrftime(args[0].Str(), t)
	if s == "" || len(s) >= strftimeMax {
		return value.String("<strftime error>"), nil
	}
	return value.String(s), nil
}

var (
	cDays   = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	cMonths = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// cStrftime implements C's strftime in the C locale.
func cStrftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		// GNU flags and E/O modifiers are accepted and ignored.
		for i < len(format) && strings.IndexByte("EO_-0^#", format[i]) >= 0 && i+1 < len(format) {
			i++
		}
		writeConv(&b, format[i], t)
	}
	return b.String()
}

func writeConv(b *strings.Builder, c byte, t time.Time) {
	hour12 := t.Hour() % 12
	if hour12 == 0 {
		hour12 = 12
	}
	switch c {
	case 'a':
		b.WriteString(cDays[t.Weekday()][:3])
	case 'A':
		b.WriteString(cDays[t.Weekday()])
	case 'b', 'h':
		b.WriteString(cMonths[t.Month()-1][:3])
	case 'B':
		b.WriteString(cMonths[t.Month()-1])
	case 'c':
		b.WriteString(cStrftime("%a %b %e %H:%M:%S %Y", t))
	case 'C':
		fmt.Fprintf(b, "%02d", t.Year()/100)
	case 'd':
		fmt.Fprintf(b, "%02d", t.Day())
	case 'D':
		b.WriteString(cStrftime("%m/%d/%y", t))
	case 'e':
		fmt.Fprintf(b, "%2d", t.Day())
	case 'F':
		b.WriteString(cStrftime("%Y-%m-%d", t))
	case 'g':
		y, _ := t.ISOWeek()
		fmt.Fprintf(b, "%02d", y%100)
	case 'G':
		y, _ := t.ISOWeek()
		fmt.Fprintf(b, "%d", y)
	case 'H':
		fmt.Fprintf(b, "%02d", t.Hour())
	case 'I':
		fmt.Fprintf(b, "%02d", hour12)
	case 'j':
		fmt.Fprintf(b, "%03d", t.YearDay())
	case 'k':
		fmt.Fprintf(b, "%2d", t.Hour())
	case 'l':
		fmt.Fprintf(b, "%2d", hour12)
	case 'm':
		fmt.Fprintf(b, "%02d", int(t.Month()))
	case 'M':
		fmt.Fprintf(b, "%02d", t.Minute())
	case 'n':
		b.WriteByte('\n')
	case 'p':
		if t.Hour() < 12 {
			b.WriteString("AM")
		} else {
			b.WriteString("PM")
		}
	case 'P':
		if t.Hour() < 12 {
			b.WriteString("am")
		} else {
			b.WriteString("pm")
		}
	case 'r':
		b.WriteString(cStrftime("%I:%M:%S %p", t))
	case 'R':
		b.WriteString(cStrftime("%H:%M", t))
	case 's':
		fmt.Fprintf(b, "%d", t.Unix())
	case 'S':
		fmt.Fprintf(b, "%02d", t.Second())
	case 't':
		b.WriteByte('\t')
	case 'T':
		b.WriteString(cStrftime("%H:%M:%S", t))
	case 'u':
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		fmt.Fprintf(b, "%d", wd)
	case 'U':
		fmt.Fprintf(b, "%02d", (t.YearDay()+6-int(t.Weekday()))/7)
	case 'V':
		_, w := t.ISOWeek()
		fmt.Fprintf(b, "%02d", w)
	case 'w':
		fmt.Fprintf(b, "%d", int(t.Weekday()))
	case 'W':
		fmt.Fprintf(b, "%02d", (t.YearDay()+6-(int(t.Weekday())+6)%7)/7)
	case 'x':
		b.WriteString(cStrftime("%m/%d/%y", t))
	case 'X':
		b.WriteString(cStrftime("%H:%M:%S", t))
	case 'y':
		fmt.Fprintf(b, "%02d", t.Year()%100)
	case 'Y':
		fmt.Fprintf(b, "%d", t.Year())
	case 'z':
		_, off := t.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		fmt.Fprintf(b, "%c%02d%02d", sign, off/3600, off/60%60)
	case 'Z':
		name, _ := t.Zone()
		b.WriteString(name)
	case '%':
		b.WriteByte('%')
	default:
		b.WriteByte('%')
		b.WriteByte(c)
	}
}

// strptime parses d with C's strptime conversions, starting from the
// broken-down local time of the epoch (so fields the format leaves out
// keep those values), and converts the result like mktime. A failed parse
// is a warning and gives time 0. Text after what the format consumes is
// ignored.
func bifStrptime(ctx Context, args []value.Value) (value.Value, error) {
	format, d := args[0].Str(), args[1].Str()
	tm, ok := cStrptime(d, format, time.Unix(0, 0).In(time.Local))
	if !ok {
		if ctx != nil {
			ctx.Report("warning", fmt.Sprintf("strptime conversion failed: fmt:%s d:%s", format, d))
		}
		return value.Time(0), nil
	}
	if tm.epoch != nil {
		return value.Time(float64(*tm.epoch)), nil
	}
	hour := tm.hour
	if tm.have12 {
		hour %= 12
		if tm.pm > 0 {
			hour += 12
		}
	}
	t := time.Date(tm.year, time.Month(tm.mon), tm.mday, hour, tm.min, tm.sec, 0, time.Local)
	return value.Time(float64(t.Unix())), nil
}

type brokenTime struct {
	year, mon, mday, hour, min, sec int
	pm                              int  // 0 unknown, 1 PM, -1 AM
	have12                          bool // the hour came from %I
	century                         int  // -1 if not given
	epoch                           *int64
}

func cStrptime(s, format string, base time.Time) (brokenTime, bool) {
	tm := brokenTime{year: base.Year(), mon: int(base.Month()), mday: base.Day(),
		hour: base.Hour(), min: base.Minute(), sec: base.Second(), century: -1}
	pos := 0
	skipSpace := func() {
		for pos < len(s) && isASCIISpace(s[pos]) {
			pos++
		}
	}
	num := func(maxDigits, lo, hi int) (int, bool) {
		for pos < len(s) && s[pos] == ' ' {
			pos++
		}
		neg := false
		if pos < len(s) && (s[pos] == '-' || s[pos] == '+') && lo < 0 {
			neg = s[pos] == '-'
			pos++
		}
		start, n := pos, 0
		for pos < len(s) && pos-start < maxDigits && isASCIIDigit(s[pos]) {
			n = n*10 + int(s[pos]-'0')
			pos++
		}
		if pos == start {
			return 0, false
		}
		if neg {
			n = -n
		}
		return n, n >= lo && n <= hi
	}
	name := func(names []string) (int, bool) {
		rest := strings.ToLower(s[pos:])
		for i, full := range names {
			if strings.HasPrefix(rest, strings.ToLower(full)) {
				pos += len(full)
				return i, true
			}
		}
		for i, full := range names {
			if strings.HasPrefix(rest, strings.ToLower(full[:3])) {
				pos += 3
				return i, true
			}
		}
		return 0, false
	}
	var conv func(format string) bool
	conv = func(format string) bool {
		for i := 0; i < len(format); i++ {
			c := format[i]
			if isASCIISpace(c) {
				skipSpace()
				continue
			}
			if c != '%' || i+1 == len(format) {
				if pos >= len(s) || s[pos] != c {
					return false
				}
				pos++
				continue
			}
			i++
			for i+1 < len(format) && (format[i] == 'E' || format[i] == 'O') {
				i++
			}
			var ok bool
			var n int
			switch format[i] {
			case '%':
				ok = pos < len(s) && s[pos] == '%'
				pos++
			case 'n', 't':
				skipSpace()
				ok = true
			case 'a', 'A':
				_, ok = name(cDays)
			case 'b', 'B', 'h':
				n, ok = name(cMonths)
				tm.mon = n + 1
			case 'C':
				n, ok = num(2, 0, 99)
				tm.century = n
			case 'd', 'e':
				tm.mday, ok = num(2, 1, 31)
			case 'H', 'k':
				tm.hour, ok = num(2, 0, 23)
			case 'I', 'l':
				tm.hour, ok = num(2, 1, 12)
				tm.have12 = true
			case 'j':
				n, ok = num(3, 1, 366)
				if ok {
					tm.mon, tm.mday = 1, n
				}
			case 'm':
				tm.mon, ok = num(2, 1, 12)
			case 'M':
				tm.min, ok = num(2, 0, 59)
			case 'p', 'P':
				rest := strings.ToLower(s[pos:])
				switch {
				case strings.HasPrefix(rest, "am"):
					tm.pm, ok = -1, true
				case strings.HasPrefix(rest, "pm"):
					tm.pm, ok = 1, true
				}
				pos += 2
			case 's':
				start := pos
				if pos < len(s) && s[pos] == '-' {
					pos++
				}
				for pos < len(s) && isASCIIDigit(s[pos]) {
					pos++
				}
				var e int64
				_, err := fmt.Sscan(s[start:pos], &e)
				ok = err == nil
				tm.epoch = &e
			case 'S':
				tm.sec, ok = num(2, 0, 61)
			case 'y':
				n, ok = num(2, 0, 99)
				if n < 69 {
					tm.year = 2000 + n
				} else {
					tm.year = 1900 + n
				}
				if tm.century >= 0 {
					tm.year = tm.century*100 + n
				}
			case 'Y':
				tm.year, ok = num(4, -9999, 9999)
			case 'D':
				ok = conv("%m/%d/%y")
			case 'F':
				ok = conv("%Y-%m-%d")
			case 'R':
				ok = conv("%H:%M")
			case 'T':
				ok = conv("%H:%M:%S")
			case 'r':
				ok = conv("%I:%M:%S %p")
			case 'c':
				ok = conv("%a %b %e %H:%M:%S %Y")
			case 'x':
				ok = conv("%m/%d/%y")
			case 'X':
				ok = conv("%H:%M:%S")
			case 'z':
				ok = skipZone(s, &pos)
			case 'Z':
				for pos < len(s) && isASCIIAlpha(s[pos]) {
					pos++
				}
				ok = true
			default:
				ok = false
			}
			if !ok {
				return false
			}
		}
		return true
	}
	if !conv(format) {
		return tm, false
	}
	return tm, true
}

// skipZone accepts +hh[:]mm, -hh[:]mm or Z (the offset is not applied, as
// mktime ignores tm_gmtoff).
func skipZone(s string, pos *int) bool {
	p := *pos
	for p < len(s) && s[p] == ' ' {
		p++
	}
	if p < len(s) && s[p] == 'Z' {
		*pos = p + 1
		return true
	}
	if p >= len(s) || (s[p] != '+' && s[p] != '-') {
		return false
	}
	p++
	n := 0
	for p < len(s) && n < 4 && (isASCIIDigit(s[p]) || s[p] == ':' && n == 2) {
		if s[p] != ':' {
			n++
		}
		p++
	}
	if n != 2 && n != 4 {
		return false
	}
	*pos = p
	return true
}
