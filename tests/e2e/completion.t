# twitchlog completion: scripts for bash, zsh and fish, generated from the CLI's own definitions and the rules.
# comp.sh runs the bash completion function on the words given (the last one is being completed).
$ twitchlog completion bash > twitchlog.bash && bash -n twitchlog.bash && echo ok
> ok
$ printf '%s\n' '. ./twitchlog.bash' 'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _twitchlog; printf "%s\n" "${COMPREPLY[*]}"' > comp.sh
$ bash comp.sh twitchlog ''
> log checkin check triage advise report export last undo retract edit rules completion help
$ bash comp.sh twitchlog --journal j.txt rep
> report
$ bash comp.sh twitchlog report --format ''
> text json csv tsv markdown html
$ bash comp.sh twitchlog report --format = j
> json
$ bash comp.sh twitchlog report --period ''
> day week month
$ bash comp.sh twitchlog report --f
> --from --format --force
$ bash comp.sh twitchlog log --remedy mag
> magnesium
$ bash comp.sh twitchlog log --where eye
> eyelid
$ bash comp.sh twitchlog log --side ''
> left right both
$ bash comp.sh twitchlog log --flag sw
> swallowing
$ bash comp.sh twitchlog log --checkin caff
> caffeine=
$ bash comp.sh twitchlog triage --yes chewing,sp
> chewing,speech chewing,spreading
$ bash comp.sh twitchlog triage --color ''
> auto always never
$ bash comp.sh twitchlog help re
> report retract
$ bash comp.sh twitchlog completion ''
> bash zsh fish
$ bash comp.sh twitchlog log --at ''
> now today yesterday noon midday midnight tonight monday tuesday wednesday thursday friday saturday sunday
$ touch rules-a.toml rules-b.toml && bash comp.sh twitchlog --rules rules- | tr " " "\n" | sort | tr "\n" " "
> rules-a.toml rules-b.toml 

# The ids come from the rules in force: a remedy of one's own is completed.
$ twitchlog rules --dump > mine.toml && printf '\n[[remedy]]\nid = "yoga-nidra"\nname = "Yoga nidra"\nkind = "quick"\ntargets = ["stress"]\nrating = 3\nonset_days = 7\nhow = "Twenty minutes lying down, guided."\n' >> mine.toml && twitchlog rules --check mine.toml >/dev/null && echo valid
> valid
$ twitchlog --rules mine.toml completion bash > mine.bash && sed -i 's|twitchlog.bash|mine.bash|' comp.sh && bash comp.sh twitchlog log --remedy yoga
> yoga-nidra

# zsh and fish: the scripts parse, and fish completes from them.
$ twitchlog completion zsh > _twitchlog && zsh -n _twitchlog && head -n 1 _twitchlog
> #compdef twitchlog
$ twitchlog completion fish > twitchlog.fish && fish -n twitchlog.fish && echo ok
> ok
$ fish -c 'source twitchlog.fish; complete -C "twitchlog report --format "' | cut -f1 | sort | tr '\n' ' '
> csv html json markdown text tsv 
$ fish -c 'source twitchlog.fish; complete -C "twitchlog triage --yes chewing,sp"' | cut -f1 | tr '\n' ' '
> chewing,speech chewing,spreading 
$ fish -c 'source twitchlog.fish; complete -C "twitchlog log --remedy mag"' | cut -f1
> magnesium

# Every option of every --help is completed by all three and named in the man page.
$ sh $SRC/tests/options-covered.sh $SRC/man/twitchlog.1 && echo covered
> covered

# Usage errors.
$ twitchlog completion tcsh
! twitchlog: error: SHELL: unknown shell "tcsh"; valid: bash, zsh, fish
? 2
$ twitchlog completion
! twitchlog: error: shell is required (see twitchlog completion --help)
? 2
