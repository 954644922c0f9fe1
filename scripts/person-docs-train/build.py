#!/usr/bin/env python3
"""Build person-labelled-docs.jsonl from the invented training documents, or (--set news)
person-labelled-news.jsonl from the invented news and review sentences.

Reads scripts/person-docs-train/docs-*.txt (--set news: news-*.txt, ids nNNNN). In those files:
  - a line starting with '#' before the first document is a comment (inside a document it is text: #4, #채널);
  - '=== dNNN title' starts a document (ids unique across all files);
  - every other non-empty line is document text, with each person mention
    written as «name».
Each non-empty text line becomes one JSON object (lines longer than 300
characters are split at sentence ends). The «» marks are removed and their
[start, end) offsets recorded in UTF-16 code units (= Python str indices, as
only BMP characters are accepted).

Usage: python3 scripts/person-docs-train/build.py [--set docs|news] [--out PATH]
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "src", "Moa.Privacy", "Names", "Data")
MAX_LEN = 300
OPEN, CLOSE = "\u00ab", "\u00bb"  # « »
HEADER = re.compile(r"^=== ([dn]\d{3,}) (\S.*)$")
SET = "docs"  # the set being built: the record ids' prefix and source
LICENCE = "written for Moa (project licence)"


class BuildError(Exception):
    pass


def fail(path, lineno, msg):
    raise BuildError(f"{os.path.relpath(path, ROOT)}:{lineno}: {msg}")


def parse_marks(raw, path, lineno):
    """Remove «» marks; return (clean text, [[s, e], ...])."""
    out = []
    spans = []
    start = None
    for ch in raw:
        if ord(ch) > 0xFFFF:
            fail(path, lineno, f"character outside the BMP: U+{ord(ch):X} (offsets must be UTF-16 = str indices)")
        if ch == OPEN:
            if start is not None:
                fail(path, lineno, "nested or unbalanced « (a mark is already open)")
            start = len(out)
        elif ch == CLOSE:
            if start is None:
                fail(path, lineno, "» without a matching «")
            end = len(out)
            if end == start:
                fail(path, lineno, "empty mark «»")
            inner = "".join(out[start:end])
            if inner != inner.strip():
                fail(path, lineno, f"mark has leading/trailing whitespace: «{inner}»")
            spans.append([start, end])
            start = None
        else:
            out.append(ch)
    if start is not None:
        fail(path, lineno, "« not closed on the same line")
    return "".join(out), spans


SENT_END = re.compile(r"[.!?\u3002\u2026][\"'\u201d\u2019)\]]*(\s+)")


def split_long(text, spans):
    """Split text longer than MAX_LEN at sentence ends (never inside a mark)."""
    if len(text) <= MAX_LEN:
        return [(text, spans)]
    cuts = []
    for m in SENT_END.finditer(text):
        pos = m.end()
        if any(s < pos < e for s, e in spans):
            continue
        cuts.append((m.start(1), pos))
    # greedy: take the last sentence end that keeps a piece within MAX_LEN
    pieces = []
    begin = 0
    while len(text) - begin > MAX_LEN:
        best = None
        for ws, pos in cuts:
            if pos <= begin:
                continue
            if ws - begin <= MAX_LEN:
                best = (ws, pos)
            else:
                break
        if best is None:  # one sentence is longer than MAX_LEN: cut at the next end if any
            nxt = [(ws, pos) for ws, pos in cuts if pos > begin]
            if not nxt:
                break
            best = nxt[0]
        pieces.append((begin, best[0]))
        begin = best[1]
    pieces.append((begin, len(text)))
    result = []
    for b, e in pieces:
        piece = text[b:e]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        off = b + lead
        sp = [[s - off, t - off] for s, t in spans if s >= b and t <= e]
        result.append((piece, sp))
    return result


def build(files):
    records = []
    seen_ids = {}
    stats = {"documents": 0, "lines": 0, "persons": 0, "lines_with_person": 0}
    titles = []
    for path in files:
        doc = None
        lineno_in_doc = 0
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\r\n")
                if line.startswith("\ufeff"):
                    line = line[1:]
                if line.startswith("#") and doc is None:
                    continue
                if line.startswith("==="):
                    m = HEADER.match(line)
                    if not m:
                        fail(path, lineno, "bad document header (want '=== dNNN title')")
                    doc_id, title = m.group(1), m.group(2)
                    if OPEN in title or CLOSE in title:
                        fail(path, lineno, "marks are not allowed in a title")
                    if doc_id in seen_ids:
                        fail(path, lineno, f"duplicate document id {doc_id} (first at {seen_ids[doc_id]})")
                    seen_ids[doc_id] = f"{os.path.relpath(path, ROOT)}:{lineno}"
                    doc = doc_id
                    lineno_in_doc = 0
                    stats["documents"] += 1
                    titles.append((doc_id, title))
                    continue
                if not line.strip():
                    continue
                if doc is None:
                    fail(path, lineno, "text before the first '=== dNNN title' header")
                text, spans = parse_marks(line.rstrip(), path, lineno)
                for piece, sp in split_long(text, spans):
                    if len(piece) > MAX_LEN:
                        print(f"warning: {os.path.relpath(path, ROOT)}:{lineno}: line of {len(piece)} characters has no sentence end to split at", file=sys.stderr)
                    lineno_in_doc += 1
                    records.append({
                        "id": f"{SET}-{doc}#{lineno_in_doc}",
                        "text": piece,
                        "persons": sp,
                        "source": SET,
                        "licence": LICENCE,
                    })
                    stats["lines"] += 1
                    stats["persons"] += len(sp)
                    if sp:
                        stats["lines_with_person"] += 1
    return records, stats, titles


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=["docs", "news"], default="docs")
    ap.add_argument("--out")
    ap.add_argument("--titles", action="store_true", help="also print the document titles")
    args = ap.parse_args()
    global SET
    SET = args.set
    args.out = args.out or os.path.join(DATA, f"person-labelled-{SET}.jsonl")
    files = sorted(glob.glob(os.path.join(HERE, f"{SET}-*.txt")))
    if not files:
        print(f"no {SET}-*.txt files found", file=sys.stderr)
        return 1
    try:
        records, stats, titles = build(files)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    ids = set()
    for r in records:
        if r["id"] in ids:
            print(f"error: duplicate record id {r['id']}", file=sys.stderr)
            return 1
        ids.add(r["id"])
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"files {len(files)}, documents {stats['documents']}, lines {stats['lines']}, "
          f"persons {stats['persons']}, lines with a person {stats['lines_with_person']} -> "
          f"{os.path.relpath(args.out, ROOT)}", file=sys.stderr)
    if args.titles:
        for doc_id, title in titles:
            print(f"{doc_id} {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
