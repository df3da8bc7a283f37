# expect: error in ./optional-outside-record.zeek, line 4: &optional is only valid for record fields (&optional)
# what this covers: &optional on a global variable

global a: int &optional;
