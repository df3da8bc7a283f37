package ssl

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// SSL::cipher_desc in consts.zeek lists exactly the suites of
// ciphers.txt, under the same names.
func TestCipherTableInConsts(t *testing.T) {
	src, err := os.ReadFile("../../../../policy/base/protocols/ssl/consts.zeek")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)const cipher_desc: table\[count\] of string = \{(.*?)\n\t\}`).FindSubmatch(src)
	if block == nil {
		t.Fatal("no cipher_desc table in consts.zeek")
	}
	script := map[uint32]string{}
	for _, m := range regexp.MustCompile(`\[0x([0-9A-Fa-f]+)\] = "([^"]+)"`).FindAllSubmatch(block[1], -1) {
		n, _ := strconv.ParseUint(string(m[1]), 16, 32)
		script[uint32(n)] = string(m[2])
	}
	if len(script) != len(cipherNames) {
		t.Errorf("consts.zeek names %d suites, ciphers.txt %d", len(script), len(cipherNames))
	}
	for code, name := range cipherNames {
		if script[code] != name {
			t.Errorf("suite %#x: consts.zeek says %q, ciphers.txt %q", code, script[code], name)
		}
	}
	if len(cipherNames) < 350 {
		t.Errorf("only %d suites in ciphers.txt", len(cipherNames))
	}
}
