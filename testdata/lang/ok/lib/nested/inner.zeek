# what this covers: nested helper loading its sibling directory's helper via ../
@load ../helper

global inner_value = "inner";
