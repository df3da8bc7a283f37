package ast

import (
	"fmt"
	"reflect"
	"strings"
)

// Dump renders a node as an indented tree (without positions), for parser
// golden tests and debugging.
func Dump(n any) string {
	var b strings.Builder
	dump(&b, reflect.ValueOf(n), 0)
	return b.String()
}

var spanType = reflect.TypeOf(Span{})

func dump(b *strings.Builder, v reflect.Value, depth int) {
	ind := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dump(b, v.Elem(), depth)
	case reflect.Struct:
		b.WriteString(v.Type().Name())
		b.WriteString(" {")
		any := false
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if v.Type().Field(i).Type == spanType || f.IsZero() {
				continue
			}
			any = true
			fmt.Fprintf(b, "\n%s  %s: ", ind, v.Type().Field(i).Name)
			dump(b, f, depth+1)
		}
		if any {
			b.WriteString("\n" + ind)
		}
		b.WriteString("}")
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			fmt.Fprintf(b, "\n%s  ", ind)
			dump(b, v.Index(i), depth+1)
		}
		if v.Len() > 0 {
			b.WriteString("\n" + ind)
		}
		b.WriteString("]")
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}
