#!/usr/bin/env python3
"""Build person-labelled-planted.jsonl: the lines of the private-context set's planted documents of the tuning
batches, as training sentences of the person tagger.

The private-context set (tests/Moa.Privacy.Tests/EvalSet/person-private.jsonl, built by PrivateContextSet.cs) holds
batches of invented institutional documents. A batch is tuning data once it has been scored as a blind batch; the
batches still held out (the newest, wired at the end of a round, and any written for a later round) must never be
given here. Every person mention of a planted document is marked, public or private, so each line becomes one
sentence with its person spans in UTF-16 code units (= Python str indices: the documents hold BMP characters only).

Usage: python3 scripts/person-planted-train.py --batches 4-21 [--out PATH]
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SET = os.path.join(ROOT, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private.jsonl")
OUT = os.path.join(ROOT, "src", "Moa.Privacy", "Names", "Data", "person-labelled-planted.jsonl")
LICENCE = "written for Moa (project licence)"


def parse_batches(spec):
    first, sep, last = spec.partition("-")
    try:
        lo, hi = int(first), int(last) if sep else int(first)
    except ValueError:
        sys.exit(f"person-planted-train: --batches '{spec}' is not a range such as 4-21")
    if lo < 4 or hi < lo:
        sys.exit(f"person-planted-train: --batches '{spec}': planted batches start at 4 and the range must not be empty")
    return lo, hi


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", required=True, help="tuning batches to take, e.g. 4-21 (never a held-out batch)")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    lo, hi = parse_batches(args.batches)

    rows, persons, seen, dropped = [], 0, set(), 0
    with open(SET, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            doc = json.loads(line)
            if not doc["id"].startswith("planted#") or not lo <= doc["batch"] <= hi:
                continue
            if doc["split"] != "tuning":
                sys.exit(f"person-planted-train: {os.path.relpath(SET, ROOT)}:{number}: {doc['id']} of batch {doc['batch']} "
                         f"is not a tuning document (split '{doc['split']}'); give only batches already scored")
            seen.add(doc["batch"])
            text, start = doc["text"], 0
            for k, part in enumerate(text.split("\n")):
                end = start + len(part)
                spans = [[p["start"] - start, p["end"] - start] for p in doc["persons"] if p["start"] >= start and p["end"] <= end]
                # A name split by a line break in a form is one mention across two lines: neither line is a sentence
                # whose spans can be told, so both are left out.
                split = any(p["start"] < end + 1 and p["end"] > start and not (p["start"] >= start and p["end"] <= end) for p in doc["persons"])
                dropped += split
                if part.strip() and not split:
                    rows.append({"id": f"{doc['id']}#{k + 1}", "text": part, "persons": spans, "source": "planted", "licence": LICENCE})
                    persons += len(spans)
                start = end + 1

    missing = [b for b in range(lo, hi + 1) if b not in seen]
    if missing:
        sys.exit(f"person-planted-train: no planted document of batch(es) {missing} in {os.path.relpath(SET, ROOT)}")
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} lines, {persons} person mentions, batches {lo}-{hi} ({dropped} lines of names split by a line break "
          f"left out) -> {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
