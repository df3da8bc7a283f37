package builtins

import (
	"testing"
	"time"
)

func withUTC(t *testing.T) {
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })
}

func TestTimeConversions(t *testing.T) {
	ctx := &fakeCtx{netTime: 1362692526.869344}
	nt, _ := call(t, ctx, "network_time")
	if nt.Double() != 1362692526.869344 {
		t.Errorf("network_time = %v", nt.Double())
	}
	now = func() time.Time { return time.Unix(1700000000, 500000000) }
	defer func() { now = time.Now }()
	ct, _ := call(t, ctx, "current_time")
	if ct.Double() != 1700000000.5 {
		t.Errorf("current_time = %v", ct.Double())
	}
	for _, name := range []string{"double_to_time", "time_to_double", "double_to_interval", "interval_to_double"} {
		for _, d := range []float64{0.000001, -60, 3600, 86400} {
			got, _ := call(t, ctx, name, D(d))
			if got.Double() != d {
				t.Errorf("%s(%v) = %v", name, d, got.Double())
			}
		}
	}
}

func TestStrftime(t *testing.T) {
	withUTC(t)
	ts := 1362692526.869344 // 2013-03-07 21:42:06 UTC, a Thursday
	tests := []struct{ fmt, want string }{
		{"%Y-%m-%d %H:%M:%S", "2013-03-07 21:42:06"},
		{"%Y-%m-%dT%H:%M:%S%z", "2013-03-07T21:42:06+0000"},
		{"%a %A %b %B %e %j %y %C", "Thu Thursday Mar March  7 066 13 20"},
		{"%I:%M %p %D %F %T %R", "09:42 PM 03/07/13 2013-03-07 21:42:06 21:42"},
		{"%s %u %w %Z %%", "1362692526 4 4 UTC %"},
		{"%c", "Thu Mar  7 21:42:06 2013"},
		{"plain", "plain"},
		{"", "<strftime error>"},
	}
	for _, tc := range tests {
		got, _ := call(t, nil, "strftime", S(tc.fmt), D(ts))
		if got.Str() != tc.want {
			t.Errorf("strftime(%q) = %q, want %q", tc.fmt, got.Str(), tc.want)
		}
	}
	long := ""
	for i := 0; i < 30; i++ {
		long += "%Y"
	}
	got, _ := call(t, nil, "strftime", S(long+long), D(ts))
	if got.Str() != "<strftime error>" {
		t.Errorf("strftime(too long) = %q", got.Str())
	}
}

func TestStrptime(t *testing.T) {
	withUTC(t)
	tests := []struct {
		fmt, in string
		want    float64
	}{
		{"%Y-%m-%d %H:%M:%S", "2013-03-07 21:42:06", 1362692526},
		{"%Y-%m-%dT%H:%M:%SZ", "2013-03-07T21:42:06Z", 1362692526},
		{"%d/%b/%Y:%H:%M:%S", "07/Mar/2013:21:42:06 +0000", 1362692526}, // trailing text ignored
		{"%Y-%m-%d", "2013-03-07", 1362614400},
		{"%H:%M", "01:02", 3720}, // other fields from the epoch
		{"%I:%M %p", "09:42 PM", 78120},
		{"%I:%M %p", "12:00 AM", 0},
		{"%s", "1362692526", 1362692526},
		{"%D", "03/07/13", 1362614400},
	}
	for _, tc := range tests {
		ctx := &fakeCtx{}
		got, _ := call(t, ctx, "strptime", S(tc.fmt), S(tc.in))
		if got.Double() != tc.want || len(ctx.reports) != 0 {
			t.Errorf("strptime(%q, %q) = %v, %q; want %v", tc.fmt, tc.in, got.Double(), ctx.reports, tc.want)
		}
	}
	ctx := &fakeCtx{}
	got, _ := call(t, ctx, "strptime", S("%Y-%m-%d"), S("not a date"))
	want := "warning: strptime conversion failed: fmt:%Y-%m-%d d:not a date"
	if got.Double() != 0 || len(ctx.reports) != 1 || ctx.reports[0] != want {
		t.Errorf("strptime(bad) = %v, %q", got.Double(), ctx.reports)
	}
}
