# 8 processes x 50 concurrent `log` calls give 400 whole entries and one header.
$ for p in 1 2 3 4 5 6 7 8; do (for i in $(seq 1 50); do twitchlog log -q -t "p$p" "writer $p, entry $i" || echo FAILED; done) & done; wait
$ grep -c ' twitch ' journal.txt
> 400
$ grep -c '^# twitchlog journal v1$' journal.txt
> 1
$ for p in 1 2 3 4 5 6 7 8; do grep -c "tags=p$p " journal.txt; done | sort | uniq -c | sed 's/^ *//'
> 8 50
$ twitchlog check | tail -n 1
> journal.txt: 401 lines, 400 entries: ok
