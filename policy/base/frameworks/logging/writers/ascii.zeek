##! Options of the ASCII log writer (tab-separated files, or JSON lines).

module LogAscii;

export {
	## Write to stdout instead of files.
	const output_to_stdout = F &redef;

	## Write one JSON object per line instead of tab-separated columns.
	const use_json = F &redef;

	## How time values are rendered in JSON.
	const json_timestamps: JSON::TimestampFormat = JSON::TS_EPOCH &redef;

	## Include unset fields (as null) in JSON output.
	const json_include_unset_fields = F &redef;

	## Compression level for gzip'd logs (0 = uncompressed).
	const gzip_level = 0 &redef;

	## File extension of gzip'd logs.
	const gzip_file_extension = "gz" &redef;

	## Write UTF-8 sequences unescaped.
	const enable_utf_8 = T &redef;

	## Directory of the log files ("" = Log::default_logdir or the
	## current directory).
	const logdir = "" &redef;

	## Write the #-header and #close footer.
	const include_meta = T &redef;

	## Prefix of the header and footer lines.
	const meta_prefix = "#" &redef;

	## Column separator.
	const separator = "\t" &redef;

	## Separator between the elements of sets and vectors.
	const set_separator = "," &redef;

	## Written for empty sets and vectors.
	const empty_field = "(empty)" &redef;

	## Written for unset fields.
	const unset_field = "-" &redef;
}
