#!/usr/bin/env python3
"""Golden per-item results for `moa eval --task click` (tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-click.jsonl).

Written independently of Moa's C# code: it reads the raw CLIcK JSON files (Dataset/<Culture|Language>/<category>/*.json,
not Moa's importer), builds each prompt as lm-evaluation-harness's CLIcK utils.get_context does (the instruction naming
A, B, C, D; "맥락:" only when the paragraph is non-empty; options as "A:{0}, B: {1}, C: {2}, D: {3}"; "정답:"), the
choices A-D with target delimiter " " (so every continuation is " A" .. " D"; the context has no trailing space), and the
gold as the letter of the answer's position (utils.get_target). Log-likelihoods come from the same reference server and
the same summation as scripts/lmeval-golden.py; acc_norm divides by the length of the choice text (one letter).

Usage (what produced the checked-in file):
  head -n 3000 ../shared/data/text/nsmc_reviews_sample.jsonl > /tmp/golden-corpus.jsonl
  ./moa serve-model --ngram /tmp/golden-corpus.jsonl --order 4 --port 8765 &
  python3 scripts/lmeval-golden-click.py ../shared/data/benchmarks/click http://127.0.0.1:8765/v1 4 \
      > tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-click.jsonl
"""
import glob
import importlib.util
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("golden", os.path.join(here, "lmeval-golden.py"))
golden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golden)


def get_context(doc):
    ctx, q, opt = doc["paragraph"], doc["question"], doc["choices"]
    options = f"A:{opt[0]}, B: {opt[1]}, C: {opt[2]}, D: {opt[3]}"
    if ctx:
        return f"주어진 맥락을 천천히 읽고, 질문에 대한 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n맥락: {ctx}\n질문: {q}\n보기:\n{options}\n정답:"
    return f"주어진 질문을 천천히 읽고, 적절한 정답을 A, B, C, D 중에 골라 알파벳 하나로 답하시오.\n\n질문: {q}\n보기:\n{options}\n정답:"


def main():
    root, base, per_file = sys.argv[1], sys.argv[2].rstrip("/"), int(sys.argv[3])
    letters = ["A", "B", "C", "D"]
    for path in sorted(glob.glob(f"{root}/Dataset/**/*.json", recursive=True)):
        with open(path, encoding="utf-8") as f:
            docs = [d for d in json.load(f) if len(d["choices"]) == 4][:per_file]
        stem = os.path.splitext(os.path.basename(path))[0]
        for doc in docs:
            text = get_context(doc)
            gold = doc["choices"].index(doc["answer"])
            context, conts = text, [" " + c for c in letters]
            n = len(context) - len(context.rstrip())
            if n:
                context, conts = context[:-n], [text[-n:] + c for c in conts]
            lls = [golden.loglikelihood(base, context, c) for c in conts]
            pred = max(range(len(lls)), key=lambda i: (lls[i], -i))
            norm = [ll / len(c) for ll, c in zip(lls, letters)]
            pred_norm = max(range(len(norm)), key=lambda i: (norm[i], -i))
            print(json.dumps({"task": "click", "id": f"{stem}-{doc['id']}", "gold": gold, "context": context,
                              "continuations": conts, "loglikelihoods": lls, "argmax": pred, "acc": float(pred == gold),
                              "acc_norm": float(pred_norm == gold)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
