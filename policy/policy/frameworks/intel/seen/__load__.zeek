@load ./where-locations
@load ./conn-established
@load ./dns
@load ./http-headers
@load ./http-url
@load ./pubkey-hashes
@load ./ssl
