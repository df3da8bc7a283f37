##! Intel files can remove items: a line with meta.remove=T removes the
##! metadata of its source (and the indicator, once no source is left)
##! instead of inserting it.

@load base/frameworks/intel

module Intel;

export {
	redef record MetaData += {
		## Remove this item instead of inserting it.
		remove: bool &default=F;
	};
}

hook filter_item(item: Item)
	{
	if ( item$meta$remove )
		{
		Intel::remove(item);
		break;
		}
	}
