# A catalogue of hostile inputs (tests/hostile.sh): huge lines, NUL bytes, invalid UTF-8, a BOM, CRLF,
# 10,000 fields, deeply nested TOML, 1e999, -0, NaN, 2026-02-30, year 0, 64-bit overflows, escape sequences
# (in options and file names too), C1, bidi and zero-width characters, FIFOs and /dev/zero for files, a full
# or closed stderr, across every subcommand. Each ends with a clear message and the expected status, never a crash, a hang
# or a sanitizer report, and never changes the journal.
$ sh $SRC/tests/hostile.sh
> 135 hostile inputs, 0 went wrong
