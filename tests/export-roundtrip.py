#!/usr/bin/env python3
"""Checks that `twitchlog export` gives back every field of a journal.

usage: export-roundtrip.py JOURNAL EXPORT.csv|EXPORT.tsv [--all]

Reads the journal with a parser of its own (the contract's grammar), reads
the export with Python's csv module, and compares each row with the journal
line it names, field by field. Prints the number of rows checked; exits 1
with the first difference. Without --all, retracted entries must be absent.
"""
import csv
import io
import re
import sys

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def seconds(text):
    return sum(int(n) * UNITS[u] for n, u in re.findall(r"(\d+)([dhms])", text))


def fields_of(line):
    """The timestamp, kind and fields of an entry line."""
    timestamp, kind, rest = (line.split(" ", 2) + [""])[:3]
    fields, i = {}, 0
    while i < len(rest):
        if rest[i] == " ":
            i += 1
            continue
        eq = rest.index("=", i)
        key, i = rest[i:eq], eq + 1
        if i < len(rest) and rest[i] == '"':
            value, i = "", i + 1
            while rest[i] != '"':
                if rest[i] == "\\":
                    value += {"n": "\n", "t": "\t", "r": "\r"}.get(rest[i + 1], rest[i + 1])
                    i += 2
                else:
                    value += rest[i]
                    i += 1
            i += 1
        else:
            end = rest.find(" ", i)
            end = len(rest) if end < 0 else end
            value, i = rest[i:end], end
        fields[key] = value
    return timestamp, kind, fields


def unescape_tsv(cell):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), cell)


def main():
    journal, export = sys.argv[1], sys.argv[2]
    want_all = "--all" in sys.argv[3:]
    with open(journal, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tsv = export.endswith(".tsv")
    with open(export, encoding="utf-8", newline="") as f:
        text = f.read()
    if not tsv and text and not text.endswith("\r\n"):
        sys.exit("a CSV row does not end in CRLF")
    if tsv:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames
    factors = columns[columns.index("flags") + 1 : columns.index("remedy")]
    rows = 0
    for row in reader:
        if tsv:
            row = {k: unescape_tsv(v) for k, v in row.items()}
        timestamp, kind, fields = fields_of(lines[int(row["line"]) - 1])
        retracted = row["retracted"] == "true"
        if retracted and not want_all:
            sys.exit(f"line {row['line']}: retracted, but exported without --all")
        expected = {
            "timestamp": timestamp,
            "day": timestamp[:10],
            "kind": kind,
            "approx": fields.get("approx", ""),
            "severity": fields.get("severity", ""),
            "duration_s": str(seconds(fields["duration"])) if "duration" in fields else "",
            "where": fields.get("where", "lower-lip") if kind == "twitch" else "",
            "side": fields.get("side", ""),
            "tags": fields.get("tags", "") if kind == "twitch" else "",
            "flags": fields.get("flags", "") if kind == "twitch" else "",
            "remedy": fields.get("id", "") if kind == "remedy" else "",
            "dose": fields.get("dose", ""),
            "level": fields.get("level", ""),
            "yes": fields.get("yes", fields.get("flags", "")) if kind == "triage" else "",
            "no": fields.get("no", ""),
            "unsure": fields.get("unsure", ""),
            "sudden": fields.get("sudden", ""),
            "of": fields.get("of", ""),
            "of_kind": fields.get("kind", "") if kind == "retract" else "",
            "note": fields.get("text" if kind == "note" else "note", ""),
        }
        for factor in factors:
            expected[factor] = fields.get(factor, "") if kind == "checkin" else ""
        for key, value in expected.items():
            if row[key] != value:
                sys.exit(f"line {row['line']}: {key} is {row[key]!r}, the journal says {value!r}")
        rows += 1
    print(f"{rows} rows, every field as in the journal")


main()
