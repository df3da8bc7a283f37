##! Site policy: loaded only when named on the command line (`gobro local`
##! or `gobro -r trace.pcap local`). Edit it to suit the site; the lines
##! below turn on the usual optional scripts that gobro provides.

# The site's own networks. Addresses in these networks are "local" for
# known-hosts, known-services, conn.log's local_orig/local_resp and the
# interesting-hostnames notices.
# redef Site::local_nets += { 10.0.0.0/8, 192.168.0.0/16 };

# Log hosts and services seen on the site's networks.
@load protocols/conn/known-hosts
@load protocols/conn/known-services

# Notice SSH logins to or from hosts whose names suggest a server role.
@load protocols/ssh/interesting-hostnames

# Record where intelligence indicators were seen, and raise notices for
# indicators whose metadata asks for it.
@load frameworks/intel/seen
@load frameworks/intel/do_notice

# Uncomment to write JSON logs instead of tab-separated ones.
# @load tuning/json-logs

# Change this to a secret of your own: it salts hashes that should not be
# predictable from outside the site.
redef digest_salt = "Please change this value.";
