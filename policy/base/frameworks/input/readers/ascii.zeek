##! Options of the ASCII input reader.

module InputAscii;

export {
	## Column separator.
	const separator = Input::separator &redef;
	## Separator between set and vector elements.
	const set_separator = Input::set_separator &redef;
	## Text of an empty set or vector.
	const empty_field = Input::empty_field &redef;
	## Text of an unset field.
	const unset_field = Input::unset_field &redef;
	## Stop the stream at the first invalid line (otherwise warn and skip).
	option fail_on_invalid_lines = F;
	## Stop the stream when its file cannot be read (otherwise warn and
	## retry).
	option fail_on_file_problem = F;
	## Directory prepended to relative source paths.
	option path_prefix = "";
}
