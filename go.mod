module github.com/gobro/gobro

go 1.26.8

require (
	github.com/alecthomas/participle/v2 v2.1.4
	github.com/gopacket/gopacket v1.7.7
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.50.0
)

require github.com/minio/highwayhash v1.0.4

require golang.org/x/crypto v0.59.0

require (
	github.com/chzyer/readline v1.5.1
	github.com/coder/websocket v1.8.14
	github.com/creack/pty v1.1.24
	modernc.org/sqlite v1.62.0
)

require (
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	modernc.org/libc v1.80.1 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)
