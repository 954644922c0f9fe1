#!/usr/bin/env python3
"""Golden per-item results for `moa eval --task` (tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden.jsonl).

Written independently of Moa's C# code: it reads the raw KoBEST TSV files (not Moa's importer), builds every request the
way lm-evaluation-harness builds a multiple_choice request (doc_to_text, target_delimiter " " + choice, few-shot none,
trailing white space of the context moved to the front of the continuation), sends context+continuation to a running
`moa serve-model` (/v1/completions, echo, logprobs), sums the continuation's log-probabilities, and records acc, acc_norm
(log-likelihood / len(choice)) and the arg-max prediction that lm-eval's macro-F1 uses.

Usage (what produced the checked-in file):
  head -n 3000 ../shared/data/text/nsmc_reviews_sample.jsonl > /tmp/golden-corpus.jsonl
  ./moa serve-model --ngram /tmp/golden-corpus.jsonl --order 4 --port 8765 &
  python3 scripts/lmeval-golden.py ../shared/data/benchmarks/kobest http://127.0.0.1:8765/v1 25 \
      > tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden.jsonl
"""
import csv
import json
import sys
import urllib.request

csv.field_size_limit(1 << 24)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def boolq(r):
    return (f"{r['Text']} 질문: {r['Question']} 답변: ", ["아니오", "예"], 1 if r["Answer"].strip() == "True" else 0)


def copa(r):
    connector = {"원인": " 왜냐하면", "결과": " 그래서"}[r["question"].strip()]
    return (f"{r['sentence']} {connector}", [r["1"], r["2"]], int(r["Answer"]) - 1)


def hellaswag(r):
    return (f"문장: {r['context']}", [r["choice1"], r["choice2"], r["choice3"], r["choice4"]], int(r["label"]))


def sentineg(r):
    return (f"문장: {r['Text']} 긍부정:", ["부정", "긍정"], int(r["Label"]))


def wic(r):
    text = f"문장1: {r['SENTENCE1']} 문장2: {r['SENTENCE2']} 두 문장에서 {r['Target']}가 같은 뜻으로 쓰였나?"
    return (text, ["아니오", "예"], 1 if r["ANSWER"].strip() == "True" else 0)


TASKS = [("kobest_boolq", "BoolQ", boolq), ("kobest_copa", "COPA", copa), ("kobest_hellaswag", "HellaSwag", hellaswag),
         ("kobest_sentineg", "SentiNeg", sentineg), ("kobest_wic", "WiC", wic)]


def loglikelihood(base, context, continuation):
    body = json.dumps({"model": "moa-ngram", "prompt": context + continuation, "max_tokens": 1, "echo": True,
                       "logprobs": 1, "temperature": 0}).encode("utf-8")
    req = urllib.request.Request(base + "/completions", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        choice = json.load(resp)["choices"][0]["logprobs"]
    # text_offset counts characters of the prompt string (code points, like Python's len).
    # The one generated token sits past the prompt and is not counted.
    start, end = len(context), len(context) + len(continuation)
    return sum(lp for lp, off in zip(choice["token_logprobs"], choice["text_offset"]) if start <= off < end and lp is not None)


def main():
    root, base, limit = sys.argv[1], sys.argv[2].rstrip("/"), int(sys.argv[3])
    for name, folder, build in TASKS:
        for index, r in enumerate(rows(f"{root}/{folder}/dev.tsv")[:limit]):
            text, choices, gold = build(r)
            context, conts = text, [" " + c for c in choices]
            n = len(context) - len(context.rstrip())
            if n:
                context, conts = context[:-n], [text[-n:] + c for c in conts]
            lls = [loglikelihood(base, context, c) for c in conts]
            pred = max(range(len(lls)), key=lambda i: (lls[i], -i))
            norm = [ll / len(c) for ll, c in zip(lls, choices)]
            pred_norm = max(range(len(norm)), key=lambda i: (norm[i], -i))
            print(json.dumps({"task": name, "index": index, "gold": gold, "context": context,
                              "continuations": conts, "loglikelihoods": lls, "argmax": pred, "acc": float(pred == gold),
                              "acc_norm": float(pred_norm == gold)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
