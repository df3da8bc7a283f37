# gobro — build, test, run, bench, fuzz.
GO ?= go
BIN := bin/gobro

.PHONY: build test run bench fuzz vet fmt clean

build:
	$(GO) build -o $(BIN) ./cmd/gobro

# vet + every test (script goldens, error goldens, unit tests).
test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l . ; echo 'gofmt needed'; exit 1; }
	$(GO) test ./...

# The main job on the bundled default: until the interpreter exists, parse and
# type-check the whole embedded policy/ tree and print a summary.
run: build
	./$(BIN) --check-policy

# Front-end benchmarks, then the comparative suite (bench/, its own module so
# the peers stay out of go.mod): gobro vs starlark-go vs gopher-lua, printed
# as a markdown table. BENCHTABLE passes flags on, e.g. BENCHTABLE='-count 5'.
BENCHTABLE ?=
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./lang/... ./cmd/...
	cd bench && GO='$(GO)' $(GO) run ./cmd/table $(BENCHTABLE)

# Short, bounded fuzzing of the front end (lexer + parser + checker).
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./lang/check -run '^$$' -fuzz FuzzFrontEnd -fuzztime $(FUZZTIME)

clean:
	rm -rf bin
