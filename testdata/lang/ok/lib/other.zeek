# what this covers: second helper library for @load tests
global other_value = 7;
