# Every command reads a journal as check judges it (tests/consistency.sh): the
# same errors and warnings in report's, triage's and advise's JSON, and
# --strict failing exactly when check does, on the fuzz corpus, the test
# journals and journals made with a fixed seed.
$ sh $SRC/tests/consistency.sh $SRC
> [0-9]+ journals, 0 disagreements (re)
