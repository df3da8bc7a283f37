##! The EXTRACT file analyser: writes a file's bytes to disk, under
##! FileExtract::prefix, up to a size limit.

@load base/frameworks/files
@load base/utils/paths

module FileExtract;

export {
	## Directory extracted files go to.
	const prefix = "./extract_files/" &redef;
	## Largest number of bytes extracted per file (0: no limit).
	option default_limit = 0;

	redef record Files::Info += {
		## The extracted file's name (below prefix).
		extracted: string &log &optional;
		## Whether extraction stopped at the limit.
		extracted_cutoff: bool &log &optional;
		## How much was extracted, when cut off.
		extracted_size: count &log &optional;
	};

	redef record Files::AnalyzerArgs += {
		## The file name to extract to (below prefix); a name is made
		## from the time, source and id when unset.
		extract_filename: string &optional;
		## The limit for this file.
		extract_limit: count &default=default_limit;
	};
}

function on_add(f: fa_file, args: Files::AnalyzerArgs)
	{
	if ( ! args?$extract_filename )
		args$extract_filename = cat("extract-", f$last_active, "-", f$source, "-", f$id);

	f$info$extracted = args$extract_filename;
	f$info$extracted_cutoff = F;
	args$extract_filename = build_path_compressed(prefix, args$extract_filename);
	mkdir(prefix);
	}

event zeek_init() &priority=10
	{
	Files::register_analyzer_add_callback(Files::ANALYZER_EXTRACT, on_add);
	}
