# what this covers: signature file for @load-sigs tests
signature gobro-test-sig {
	ip-proto == tcp
	payload /.*GOBRO/
	event "gobro test signature"
}
