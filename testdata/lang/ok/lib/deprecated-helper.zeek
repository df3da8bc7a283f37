# what this covers: helper carrying an @deprecated directive
@deprecated "this helper is deprecated; use helper.zeek"

global deprecated_helper_value = 5;
