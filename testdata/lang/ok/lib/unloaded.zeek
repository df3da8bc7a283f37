# what this covers: helper that is @unload-ed before being @load-ed (never actually parsed)
global unloaded_value = 1;
