#!/usr/bin/env python3
"""Builds tests/Moa.Privacy.Tests/EvalSet/person-real.jsonl, the hand-labelled real-carrier person set.

Sentences are selected without looking at their content (beyond "contains Hangul"): a fixed MD5 hash of
"<doc id>#s<sentence index>" (or "#l<line index>") picks ~4% of the news snippets, ~1% of the Wikipedia paragraphs'
sentences, ~0.2% of the chat lines, every line of the two press releases and the Gangnam notice, and a hash sample of
the other provider documents' lines (HWP/HWPX read by `moa curate`, i.e. the project's own readers). The person names
in each selected sentence were then marked by hand in person-real-labels.tsv (id, names separated by '|', '*' before a
name = in a private context); every occurrence of a listed name that does not continue a word is a gold span.
Usage: scripts/person-real-set.py  (run from the repository root; needs ../shared/data and ./moa)
"""
import gzip, hashlib, json, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("MOA_SHARED_DATA", os.path.join(os.path.dirname(root), "shared", "data"))
fixture = os.path.join(root, "tests", "Moa.Privacy.Tests", "EvalSet")


def h(key):
    return int(hashlib.md5(key.encode()).hexdigest(), 16)


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


LICENCES = {
    "news": "text/genres/news_ko_snippets.jsonl: github jungyeul/korean-parallel-corpora (korean-english-park, Korean side), as published by its authors",
    "wiki": "KorQuAD v1.0 dev (Korean Wikipedia paragraphs), CC BY-ND 2.0 KR, sentences unmodified",
    "chat": "text/genres/chat_qa_pairs.jsonl, see ../shared/data/README.md",
    "documents": "provider documents: HWP test files of hahnlee/hwp.js and neolord0/hwplib, HWPX test files of neolord0/hwpxlib (Apache-2.0); Korean government works",
}


def candidates():
    out = []
    genres = os.path.join(shared, "text", "genres")
    for name, pct, source in (("news_ko_snippets.jsonl", 4, "news"), ("wiki_korquad_contexts.jsonl", 1, "wiki")):
        for line in open(os.path.join(genres, name), encoding="utf-8"):
            d = json.loads(line)
            for i, s in enumerate(sentences(d["text"])):
                key = f"{d['id']}#s{i}"
                if h(key) % 100 < pct and re.search("[가-힣]", s):
                    out.append((f"text/genres/{name}#{key}", source, s))
    for line in open(os.path.join(genres, "chat_qa_pairs.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        for i, s in enumerate(d["text"].split("\n")):
            key = f"{d['id']}#l{i}"
            if h(key) % 1000 < 2 and re.search("[가-힣]", s):
                out.append((f"text/genres/chat_qa_pairs.jsonl#{key}", "chat", s))
    docs = ["hwp/msit_press_release_noori.hwp", "hwpx/mcst_press_release.hwpx", "hwpx/gangnam_notice.hwpx", "hwpx/gangbuk_rfp.hwpx", "hwp/basicsReport.hwp"]
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "cfg.yaml")
        with open(cfg, "w") as f:
            f.write("language:\n  enabled: false\nquality:\n  enabled: false\ndedup:\n  exact:\n    enabled: false\n  near:\n    enabled: false\npii:\n  enabled: false\n")
        subprocess.run([os.path.join(root, "moa"), "curate", "-q", "--overwrite", "-c", cfg, "-o", os.path.join(tmp, "out"), "-i"]
                       + [os.path.join(shared, "providers", d) for d in docs], check=True, stdout=subprocess.DEVNULL)
        for line in gzip.open(os.path.join(tmp, "out", "data", "part-00000.jsonl.gz"), "rt", encoding="utf-8"):
            d = json.loads(line)
            name = d["id"].split(":")[0]
            folder = "hwp" if name.endswith(".hwp") else "hwpx"
            for i, s in enumerate(d["text"].split("\n")):
                key = f"{name}#l{i}"
                pct = 100 if name.startswith(("msit", "mcst", "gangnam")) else (25 if name.startswith("basics") else 4)
                if h(key) % 100 < pct and re.search("[가-힣]", s) and len(s.strip()) >= 4:
                    out.append((f"providers/{folder}/{key}", "documents", s.strip()))
    return out


def main():
    labels = {}
    for line in open(os.path.join(fixture, "person-real-labels.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            key, names = line.rstrip("\n").split("\t")
            labels[key] = names.split("|")
    rows, used = [], set()
    for key, source, s in candidates():
        persons, private, taken = [], [], [False] * len(s)
        for raw in sorted(labels.get(key, []), key=lambda n: -len(n.lstrip("*"))):
            n = raw.lstrip("*")
            found = False
            for m in re.finditer(re.escape(n), s):
                a, b = m.start(), m.end()
                if any(taken[a:b]) or (a > 0 and re.match("[가-힣A-Za-z]", s[a - 1])):
                    continue
                taken[a:b] = [True] * (b - a)
                persons.append([a, b])
                if raw.startswith("*"):
                    private.append([a, b])
                found = True
            if not found:
                sys.exit(f"person-real-labels.tsv: '{n}' not found in {key}")
        used.add(key)
        rows.append({"id": key, "source": source, "text": s, "persons": sorted(persons), "private": sorted(private), "licence": LICENCES[source]})
    missing = set(labels) - used
    if missing:
        sys.exit(f"person-real-labels.tsv: ids not among the selected sentences: {sorted(missing)[:5]}")
    with open(os.path.join(fixture, "person-real.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences, {sum(len(r['persons']) for r in rows)} persons, {sum(len(r['private']) for r in rows)} private")


if __name__ == "__main__":
    main()
