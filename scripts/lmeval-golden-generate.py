#!/usr/bin/env python3
"""Golden per-item results for an lm-eval generate_until task (tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-generate.jsonl).

Written apart from Moa's C# code (stdlib only): it reads the KMMLU-format fixture CSVs (not Moa's importer) and runs
docs/evaluation/lm-eval-tasks/kmmlu_direct.yaml as lm-evaluation-harness 0.4 runs a generate_until task, with the YAML's
settings written out below (the stdlib has no YAML reader):

* context = 2 examples drawn per category with random.Random(1234).sample(dev docs, 2) (one generator per category, used
  test item after test item), each `doc_to_text + " " + gold letter + "\\n\\n"`, then the item's doc_to_text;
* one request to /v1/completions: prompt, max_tokens = max_gen_toks (16), temperature 0, stop = until;
* the text is cut before each `until` string (s.split(term)[0]);
* filter pipelines: `letter` = regex "([A-D])" (re.findall, group_select 0, stripped, fallback "[invalid]") then
  take_first; `raw` = take_first;
* exact_match as Hugging Face evaluate's (lm-eval's exact_match_hf_evaluate): re.sub of each regexes_to_ignore (" "),
  lower(), ASCII punctuation removed, then equality with the gold letter.

The reference model is `moa serve-model` trained (order 8) on tests/.../kmmlu-format/answered-corpus.jsonl: the fixture's
even-numbered test questions written out with their answers, so the model completes some prompts with the right letter
and others with whatever its back-off gives.

Usage (what produced the checked-in file):
  ./moa serve-model --ngram tests/Moa.Evaluation.Tests/Fixtures/kmmlu-format/answered-corpus.jsonl --order 8 --port 8766 &
  python3 scripts/lmeval-golden-generate.py tests/Moa.Evaluation.Tests/Fixtures/kmmlu-format http://127.0.0.1:8766/v1 \
      > tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-generate.jsonl
"""
import csv
import glob
import json
import os
import random
import re
import string
import sys
import urllib.request

K = 2
UNTIL = ["Q:", "\n\n", "</s>", "."]
MAX_GEN_TOKS = 16
LETTERS = ["A", "B", "C", "D"]


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def doc_to_text(r):
    return f"{r['question']}\nA. {r['A']}\nB. {r['B']}\nC. {r['C']}\nD. {r['D']}\n정답："


def generate(base, prompt):
    body = json.dumps({"model": "moa-ngram", "prompt": prompt, "max_tokens": MAX_GEN_TOKS, "temperature": 0,
                       "stop": UNTIL}).encode("utf-8")
    req = urllib.request.Request(base + "/completions", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        text = json.load(resp)["choices"][0]["text"]
    for term in UNTIL:
        text = text.split(term)[0]
    return text


def regex_filter(text, pattern=r"([A-D])", group_select=0, fallback="[invalid]"):
    found = re.findall(pattern, text)
    if not found:
        return fallback
    match = found[group_select]
    if isinstance(match, tuple):
        match = [m for m in match if m][0]
    return match.strip()


def exact_match(prediction, reference):
    for pattern in [" "]:
        prediction, reference = re.sub(pattern, "", prediction), re.sub(pattern, "", reference)
    prediction, reference = prediction.lower(), reference.lower()
    table = str.maketrans("", "", string.punctuation)
    prediction, reference = prediction.translate(table), reference.translate(table)
    return float(prediction == reference)


def main():
    folder, base = sys.argv[1], sys.argv[2].rstrip("/")
    for test_path in sorted(glob.glob(f"{folder}/test/*-test.csv")):
        category = os.path.basename(test_path)[: -len("-test.csv")]
        dev = rows(f"{folder}/dev/{category}-dev.csv")
        rnd = random.Random(1234)
        for index, r in enumerate(rows(test_path)):
            shots = rnd.sample(dev, K)
            prompt = "".join(doc_to_text(s) + " " + LETTERS[int(s["answer"]) - 1] + "\n\n" for s in shots) + doc_to_text(r)
            gold = LETTERS[int(r["answer"]) - 1]
            response = generate(base, prompt)
            letter, raw = regex_filter(response), response
            print(json.dumps({"key": f"{category}-{index}", "prompt": prompt, "response": response, "gold": gold,
                              "filtered": {"letter": letter, "raw": raw},
                              "exact_match": {"letter": exact_match(letter, gold), "raw": exact_match(raw, gold)}},
                             ensure_ascii=False))


if __name__ == "__main__":
    main()
