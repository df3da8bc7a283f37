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
