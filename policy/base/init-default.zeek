##! The default script set, loaded unless gobro runs in bare mode (-b).

@load base/utils/site
@load base/utils/addrs
@load base/utils/conn-ids
@load base/utils/directions-and-hosts
@load base/utils/strings
@load base/utils/numbers
@load base/utils/paths

@load base/frameworks/notice
@load base/frameworks/intel

@load base/protocols/conn
@load base/protocols/dns
@load base/protocols/http
@load base/protocols/irc
@load base/protocols/ftp
@load base/protocols/ntp
@load base/protocols/smtp
@load base/protocols/ssh
@load base/protocols/ssl
