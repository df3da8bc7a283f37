# SSL/TLS by content: a client hello (in a TLS handshake record, or in
# SSLv2 framing) answered by a server hello (in a TLS handshake record,
# possibly after an alert, or in SSLv2 framing).

signature dpd_ssl_client {
  ip-proto == tcp
  payload /^(\x16\x03[\x00-\x03][\x00-\xff][\x00-\xff]\x01[\x00-\xff][\x00-\xff][\x00-\xff]\x03[\x00-\x04]|[\x80-\xff][\x00-\xff][\x00-\xff]?\x01[\x00\x03][\x00-\x04])/
  tcp-state originator
}

signature dpd_ssl_server {
  ip-proto == tcp
  payload /^((\x15\x03[\x00-\x03][\x00-\xff][\x00-\xff][\x00-\xff][\x00-\xff])?\x16\x03[\x00-\x03][\x00-\xff][\x00-\xff]\x02[\x00-\xff][\x00-\xff][\x00-\xff](\x03[\x00-\x03]|\x7f[\x00-\x50])|[\x80-\xff][\x00-\xff][\x00-\xff]?\x04[\x00-\xff][\x00-\xff]\x00\x02)/
  requires-reverse-signature dpd_ssl_client
  enable "ssl"
  tcp-state responder
}
