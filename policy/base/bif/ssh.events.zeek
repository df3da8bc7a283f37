##! Events of the SSH analyser beyond those init-bare declares: lines a
##! server sends before its identification string, and the init messages
##! of the key exchange methods.

global ssh_server_pre_banner_data: event(c: connection, data: string);
global ssh2_dh_gex_init: event(c: connection, is_orig: bool);
global ssh2_ecc_init: event(c: connection, is_orig: bool);
global ssh2_gss_init: event(c: connection, is_orig: bool);
global ssh2_rsa_secret: event(c: connection, is_orig: bool);
