# expect(ours): error in ./redef-undeclared.zeek, line 4: "redef" used but not previously defined (nosuch)
# what this covers: redef of a name that was never declared

redef nosuch = 1;
