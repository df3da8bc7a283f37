# base/utils/urls: every URL of a text is found (url_regex's ^ holds at
# each position), with and without its scheme; decompose_uri takes URIs
# with and without scheme, port, query and file name apart.
@load base/utils/urls

event zeek_init()
	{
	local text = "see http://www.example.com/a?b=1 and HTTPS://x.test:8443/p, or ftp://1.2.3.4/f.";
	print find_all_urls(text);
	print find_all_urls_without_scheme(text);
	print decompose_uri("https://x.test:8443/dir/f.tar.gz?k=v&flag");
	print decompose_uri("www.example.com");
	print decompose_uri("/index.html");
	print decompose_uri("http://h/dir/");
	}
