#!/usr/bin/env python3
"""Golden 5-shot prompts for `moa eval --task` (tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-fewshot.jsonl).

Written apart from Moa's C# code, with Python's own `random` module (stdlib only): it reads the raw files (KoBEST TSVs,
CLIcK JSON, a KMMLU-style CSV folder), not Moa's importers, and assembles each few-shot context the way
lm-evaluation-harness 0.4 does for a multiple_choice task:

* one `random.Random(1234)` per task (lm-eval's default fewshot seed), used item after item in evaluation order;
* examples = `rnd.sample(fewshot_docs, k)`, or `k + 1` with the evaluated document removed and the first `k` kept when the
  few-shot split is the evaluated split (CLIcK: fewshot_split == test_split == train);
* context = description + each example as `doc_to_text + target_delimiter + gold choice + fewshot_delimiter` + the item's
  `doc_to_text`; the continuations are `target_delimiter + choice`, and white space at the end of the context moves to the
  front of every continuation.

Tasks and splits (as lm-eval defines them):
* kobest_*: evaluated on test.tsv, few-shot documents from train.tsv (training_split), first N test items per task;
* click: one task per category (click_cul_economy, ...), evaluated on and drawing from the same documents; the seven culture
  categories whose items all have four options (lm-eval's template lists exactly A-D); first N items per category;
* kmmlu: one task per category (kmmlu_accounting, ...), test split evaluated (FOLDER/test/CATEGORY-test.csv), few-shot
  documents from the dev split (FOLDER/dev/CATEGORY-dev.csv; 5 per category in KMMLU, so the 5 examples are a permutation
  of the dev items); every test item. The checked-in KMMLU folder is a format fixture, not KMMLU data.

Usage (what produced the checked-in file):
  python3 scripts/lmeval-golden-fewshot.py ../shared/data/benchmarks tests/Moa.Evaluation.Tests/Fixtures/kmmlu-format 8 \
      > tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-fewshot.jsonl
"""
import csv
import glob
import importlib.util
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(here, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kobest = load("golden", "lmeval-golden.py")
click = load("golden_click", "lmeval-golden-click.py")

K = 5
SEED = 1234
CLICK_CATEGORIES = ["Economy", "History", "Law", "Politics", "Popular", "Society", "Tradition"]


def assemble(text, choices, shots, description="", target_delimiter=" ", fewshot_delimiter="\n\n"):
    """shots: (text, choices, gold) triples. Returns the request's context and continuations."""
    prefix = description + "".join(t + target_delimiter + c[g] + fewshot_delimiter for t, c, g in shots)
    context = prefix + text
    conts = [target_delimiter + c for c in choices]
    n = len(context) - len(context.rstrip())
    if n:
        context, conts = context[:-n], [context[-n:] + c for c in conts]
    return context, conts


def draw(rnd, pool, doc_key, same_split):
    if same_split:
        picked = rnd.sample(pool, K + 1)
        return [p for p in picked if p[0] != doc_key][:K]
    return rnd.sample(pool, K)


def emit(task, key, context, conts, gold):
    print(json.dumps({"task": task, "key": key, "gold": gold, "context": context, "continuations": conts}, ensure_ascii=False))


def unquote(field):
    """A field written CSV-style by pandas ("..." with inner quotes doubled) is unquoted, as pandas.read_csv reads it; a
    field that merely starts with a quote is kept."""
    inner = field[1:-1]
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"' and '"' not in inner.replace('""', ''):
        return inner.replace('""', '"')
    return field


def rows(path):
    out = []
    for r in kobest.rows(path):
        r = {k: unquote(v) for k, v in r.items()}
        # train.tsv of BoolQ and WiC writes TRUE/FALSE where dev.tsv writes True/False.
        for key in ("Answer", "ANSWER"):
            if key in r and r[key].strip().lower() in ("true", "false"):
                r[key] = "True" if r[key].strip().lower() == "true" else "False"
        out.append(r)
    return out


def kobest_tasks(root, limit):
    for name, folder, build in kobest.TASKS:
        train = [(i, build(r)) for i, r in enumerate(rows(f"{root}/kobest/{folder}/train.tsv"))]
        rnd = random.Random(SEED)
        for index, r in enumerate(rows(f"{root}/kobest/{folder}/test.tsv")[:limit]):
            text, choices, gold = build(r)
            shots = [doc for _, doc in draw(rnd, train, None, False)]
            context, conts = assemble(text, choices, shots)
            emit(name, index, context, conts, gold)


def click_tasks(root, limit):
    letters = ["A", "B", "C", "D"]
    for category in CLICK_CATEGORIES:
        docs = []
        for path in sorted(glob.glob(f"{root}/click/Dataset/Culture/Korean {category}/*.json")):
            stem = os.path.splitext(os.path.basename(path))[0]
            with open(path, encoding="utf-8") as f:
                for d in json.load(f):
                    docs.append((f"{stem}-{d['id']}", (click.get_context(d), letters, d["choices"].index(d["answer"]))))
        rnd = random.Random(SEED)
        for key, (text, choices, gold) in docs[:limit]:
            shots = [doc for _, doc in draw(rnd, docs, key, True)]
            context, conts = assemble(text, choices, shots)
            emit("click", key, context, conts, gold)


def kmmlu_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def kmmlu_text(r):
    return f"{r['question'].strip()}\nA. {r['A']}\nB. {r['B']}\nC. {r['C']}\nD. {r['D']}\n정답："


def kmmlu_tasks(folder):
    letters = ["A", "B", "C", "D"]
    for test_path in sorted(glob.glob(f"{folder}/test/*-test.csv")):
        category = os.path.basename(test_path)[: -len("-test.csv")]
        dev = [(i, (kmmlu_text(r), letters, int(r["answer"]) - 1)) for i, r in enumerate(kmmlu_rows(f"{folder}/dev/{category}-dev.csv"))]
        rnd = random.Random(SEED)
        for index, r in enumerate(kmmlu_rows(test_path)):
            shots = [doc for _, doc in draw(rnd, dev, None, False)]
            context, conts = assemble(kmmlu_text(r), letters, shots)
            emit("kmmlu", f"{category}-{index}", context, conts, int(r["answer"]) - 1)


def main():
    root, kmmlu_folder, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    kobest_tasks(root, limit)
    click_tasks(root, limit)
    kmmlu_tasks(kmmlu_folder)


if __name__ == "__main__":
    main()
