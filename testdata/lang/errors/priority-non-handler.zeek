# expect(ours): error in ./priority-non-handler.zeek, line 4: &priority is only valid for event and hook handlers (&priority=5)
# what this covers: &priority on a global variable

global x: count &priority=5;
