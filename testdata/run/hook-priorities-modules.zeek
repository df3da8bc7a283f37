# Hook handlers from several modules run by priority, whatever module
# declares them; equal priorities keep load order.
module A;
export { global check: hook(s: string); }

hook check(s: string) &priority=1 { print "A prio 1", s; }

module B;

hook A::check(s: string) &priority=3 { print "B prio 3", s; }
hook A::check(s: string) { print "B prio 0", s; }

module GLOBAL;

hook A::check(s: string) &priority=1 { print "GLOBAL prio 1", s; }
hook A::check(s: string) &priority=-2 { print "GLOBAL prio -2", s; }

event zeek_init()
	{
	hook A::check("x");
	}
