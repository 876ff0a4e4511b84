# A deliberately wrong transcript (not one of the e2e tests): the ctest
# transcript-selftest runs it, through tests/transcript-selftest.cmake, and
# checks that each wrong case is reported on its own, that nothing of one
# case spills into the next, and that --update makes it right (wrong.t.updated).
$ echo one
> one

# Wrong stdout.
$ echo two
> deux
$ echo three
> three

# A case that leaves a job behind, which writes after the case has ended:
# killed with the case, it cannot spoil the next one.
$ (sleep 1; echo late; echo late >&2) & echo started
> started
$ sleep 2; echo next
> next

# Wrong stdout, stderr and status; the (re) line still matches and stays.
$ printf 'at 12:34\nb\n'; echo oops >&2; exit 3
> at [0-9]+:[0-9]+ (re)
> c
? 1
# An input line stays; stderr came first and still does.
$ cat; echo warned >&2
< in
! warned
> out
$ true
> gone
$ echo 'a.b (re)'
> a.b
