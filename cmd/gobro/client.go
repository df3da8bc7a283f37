package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	ws "github.com/coder/websocket"

	"github.com/gobro/gobro/runtime/broker"
)

// clientUsage is gobro client's help.
const clientUsage = `usage: gobro client [options] publish TOPIC EVENT [ARGS...]
       gobro client [options] subscribe TOPIC...
Talks to a running gobro (or Zeek 8) over the WebSocket API.
    --url <url>        | server (default ws://127.0.0.1:27759/v1/messages/json)
    --token <token>    | bearer token the server asks for (or GOBRO_WS_TOKEN)
    --json             | subscribe: print each message as the JSON received
ARGS are typed by their form: T/F, 42 (count), -42 or +42 (int), 1.5 (double),
10.0.0.1, 10.0.0.0/8, 80/tcp, 5sec (interval), "quoted" or anything else a string.
TYPE:VALUE forces a type: string:42, int:7, enum:Intel::DOMAIN, time:1700000000.5.
`

// runClient is "gobro client".
func runClient(args []string, stdout, stderr io.Writer) int {
	url, token, asJSON := "ws://127.0.0.1:27759/v1/messages/json", os.Getenv("GOBRO_WS_TOKEN"), false
	for len(args) > 0 && strings.HasPrefix(args[0], "--") {
		switch {
		case args[0] == "--json":
			asJSON = true
			args = args[1:]
			continue
		case len(args) > 1 && args[0] == "--url":
			url = args[1]
		case len(args) > 1 && args[0] == "--token":
			token = args[1]
		default:
			fmt.Fprint(stderr, clientUsage)
			return 1
		}
		args = args[2:]
	}
	var err error
	switch {
	case len(args) >= 3 && args[0] == "publish":
		err = clientPublish(url, token, args[1], args[2], args[3:])
	case len(args) >= 2 && args[0] == "subscribe":
		err = clientSubscribe(url, token, args[1:], asJSON, stdout)
	default:
		fmt.Fprint(stderr, clientUsage)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "gobro client: %v\n", err)
		return 1
	}
	return 0
}

// dialAPI connects and subscribes, returning the connection after the
// ack.
func dialAPI(ctx context.Context, url, token string, topics []string) (*ws.Conn, error) {
	opts := &ws.DialOptions{HTTPHeader: http.Header{"X-Application-Name": {"gobro-client"}}}
	if token != "" {
		opts.HTTPHeader.Set("Authorization", "Bearer "+token)
	}
	c, _, err := ws.Dial(ctx, url, opts)
	if err != nil {
		return nil, err
	}
	c.SetReadLimit(64 << 20)
	subs, _ := json.Marshal(append([]string{}, topics...))
	if err := c.Write(ctx, ws.MessageText, subs); err != nil {
		return nil, err
	}
	_, msg, err := c.Read(ctx)
	if err != nil {
		return nil, err
	}
	var ack struct{ Type, Code, Context string }
	json.Unmarshal(msg, &ack)
	if ack.Type != "ack" {
		return nil, fmt.Errorf("no ack from the server: %s", msg)
	}
	return c, nil
}

// clientPublish publishes one event and waits briefly for an error the
// server may answer with.
func clientPublish(url, token, topic, event string, args []string) error {
	ev := broker.Event{Name: event}
	for _, a := range args {
		d, err := parseArg(a)
		if err != nil {
			return fmt.Errorf("argument %q: %v", a, err)
		}
		ev.Args = append(ev.Args, d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := dialAPI(ctx, url, token, nil)
	if err != nil {
		return err
	}
	defer c.CloseNow()
	if err := c.Write(ctx, ws.MessageText, broker.AppendDataMessage(nil, topic, ev.Data())); err != nil {
		return err
	}
	// The server answers only problems; give it a moment to.
	wait, stop := context.WithTimeout(ctx, 300*time.Millisecond)
	defer stop()
	if _, msg, err := c.Read(wait); err == nil {
		var e struct{ Type, Code, Context string }
		if json.Unmarshal(msg, &e) == nil && e.Type == "error" {
			return fmt.Errorf("server: %s: %s", e.Code, e.Context)
		}
	}
	c.Close(ws.StatusNormalClosure, "")
	return nil
}

// clientSubscribe prints what arrives on the topics until interrupted.
func clientSubscribe(url, token string, topics []string, asJSON bool, out io.Writer) error {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	c, err := dialAPI(ctx, url, token, topics)
	if err != nil {
		return err
	}
	defer c.CloseNow()
	for {
		_, msg, err := c.Read(ctx)
		if err != nil {
			if ctx.Err() != nil { // Ctrl-C
				c.Close(ws.StatusNormalClosure, "")
				return nil
			}
			if code := ws.CloseStatus(err); code == ws.StatusNormalClosure || code == ws.StatusGoingAway {
				return nil // the server ended (gobro terminated)
			}
			return err
		}
		if asJSON {
			fmt.Fprintf(out, "%s\n", msg)
			continue
		}
		topic, d, err := broker.ParseDataMessage(msg)
		if err != nil {
			fmt.Fprintf(out, "%s\n", msg) // an error message: shown as it came
			continue
		}
		if ev, err := broker.ParseEvent(d); err == nil {
			args := make([]string, len(ev.Args))
			for i, a := range ev.Args {
				args[i] = broker.Render(a)
			}
			fmt.Fprintf(out, "%s: %s(%s)\n", topic, ev.Name, strings.Join(args, ", "))
			continue
		}
		fmt.Fprintf(out, "%s: %s\n", topic, broker.Render(d))
	}
}

// parseArg types a command-line argument by its form, or by a TYPE:
// prefix.
func parseArg(s string) (broker.Data, error) {
	if typ, v, ok := strings.Cut(s, ":"); ok && !strings.Contains(typ, ".") {
		switch typ {
		case "string":
			return broker.String(v), nil
		case "count":
			n, err := strconv.ParseUint(v, 10, 64)
			return broker.Count(n), err
		case "int":
			n, err := strconv.ParseInt(v, 10, 64)
			return broker.Integer(n), err
		case "double":
			f, err := strconv.ParseFloat(v, 64)
			return broker.Real(f), err
		case "enum":
			return broker.Enum(v), nil
		case "bool":
			return broker.Bool(v == "T"), nil
		case "time":
			f, err := strconv.ParseFloat(v, 64)
			return broker.Timestamp(int64(math.Round(f * 1e9))), err
		}
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return broker.String(s[1 : len(s)-1]), nil // "10.0.0.1": a string, not an address
	}
	switch {
	case s == "T" || s == "F":
		return broker.Bool(s == "T"), nil
	case s != "" && strings.Trim(s, "0123456789") == "":
		n, err := strconv.ParseUint(s, 10, 64)
		return broker.Count(n), err
	case len(s) > 1 && (s[0] == '-' || s[0] == '+') && strings.Trim(s[1:], "0123456789") == "":
		n, err := strconv.ParseInt(s, 10, 64)
		return broker.Integer(n), err
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return broker.AddressFrom(a), nil
	}
	if p, err := netip.ParsePrefix(s); err == nil {
		return broker.SubnetFrom(p.Masked()), nil
	}
	if n, proto, ok := strings.Cut(s, "/"); ok {
		if num, err := strconv.ParseUint(n, 10, 16); err == nil {
			switch proto {
			case "tcp":
				return broker.Port{Number: uint16(num), Protocol: broker.ProtoTCP}, nil
			case "udp":
				return broker.Port{Number: uint16(num), Protocol: broker.ProtoUDP}, nil
			case "icmp":
				return broker.Port{Number: uint16(num), Protocol: broker.ProtoICMP}, nil
			}
		}
	}
	if d, ok := parseInterval(s); ok {
		return d, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, ".eE") {
		return broker.Real(f), nil
	}
	return broker.String(s), nil
}

// parseInterval reads Zeek's interval literals: a number and a unit.
func parseInterval(s string) (broker.Data, bool) {
	units := []struct {
		name string
		d    time.Duration
	}{{"usecs", time.Microsecond}, {"usec", time.Microsecond}, {"msecs", time.Millisecond}, {"msec", time.Millisecond},
		{"secs", time.Second}, {"sec", time.Second}, {"mins", time.Minute}, {"min", time.Minute},
		{"hrs", time.Hour}, {"hr", time.Hour}, {"days", 24 * time.Hour}, {"day", 24 * time.Hour}}
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.name); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
			if err != nil {
				return nil, false
			}
			return broker.Timespan(int64(math.Round(f * float64(u.d)))), true
		}
	}
	return nil, false
}
