# what this covers: a Bro-era .bro helper found by @load without extension
global legacy_value = "legacy .bro loaded";
