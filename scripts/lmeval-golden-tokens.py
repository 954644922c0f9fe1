#!/usr/bin/env python3
"""Golden per-item results for `moa eval --task NAME --tokenizer MODEL --max-length N`
(tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-tokens.jsonl).

Written independently of Moa's C# code. It reads the raw KoBEST TSV files with the request builders of
scripts/lmeval-golden.py, tokenizes with SentencePiece's own `spm_encode` (Debian package `sentencepiece`, not
Microsoft.ML.Tokenizers), and follows lm-evaluation-harness's token path for API models step by step:
  - trailing white space of the context moves to the front of the continuation;
  - whole = encode(context + continuation), context_enc = encode(context), continuation_enc = whole[len(context_enc):]
    (no BOS token);
  - inp = (context_enc + continuation_enc)[-max_length:],
    ctxlen = len(context_enc) - max(0, len(context_enc) + len(continuation_enc) - max_length);
  - POST /v1/completions with prompt = inp (a list of ints), echo, logprobs 1, max_tokens 1;
  - log-likelihood = sum(token_logprobs[ctxlen:-1]) (the last token is the generated one).

Usage (what produced the checked-in file):
  head -n 3000 ../shared/data/text/nsmc_reviews_sample.jsonl > /tmp/golden-corpus.jsonl
  ./moa serve-model --ngram /tmp/golden-corpus.jsonl --order 4 --port 8766 \
      --tokenizer tests/Moa.Text.Tests/Tokens/Reference/nsmc-bpe.model &
  python3 scripts/lmeval-golden-tokens.py ../shared/data/benchmarks/kobest http://127.0.0.1:8766/v1 10 128 \
      tests/Moa.Text.Tests/Tokens/Reference/nsmc-bpe.model > tests/Moa.Evaluation.Tests/Fixtures/lmeval-golden-tokens.jsonl
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("golden", os.path.join(here, "lmeval-golden.py"))
golden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(golden)


def spm_encode(model, texts):
    for t in texts:
        assert "\n" not in t, "spm_encode reads one sentence a line"
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(texts) + "\n")
        name = f.name
    try:
        out = subprocess.run(["spm_encode", f"--model={model}", "--output_format=id", f"--input={name}"],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    lines = out.split("\n")[: len(texts)]
    return [[int(x) for x in line.split()] for line in lines]


def loglikelihood(base, inp, ctxlen):
    body = json.dumps({"model": "moa-ngram", "prompt": inp, "max_tokens": 1, "echo": True, "logprobs": 1,
                       "temperature": 0}).encode("utf-8")
    req = urllib.request.Request(base + "/completions", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        choice = json.load(resp)["choices"][0]
    return sum(choice["logprobs"]["token_logprobs"][ctxlen:-1])


def main():
    root, base, limit, max_length, model = sys.argv[1], sys.argv[2].rstrip("/"), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    for name, folder, build in golden.TASKS:
        for index, r in enumerate(golden.rows(f"{root}/{folder}/dev.tsv")[:limit]):
            text, choices, gold = build(r)
            context, conts = text, [" " + c for c in choices]
            n = len(context) - len(context.rstrip())
            if n:
                context, conts = context[:-n], [text[-n:] + c for c in conts]
            encoded = spm_encode(model, [context] + [context + c for c in conts])
            context_enc = encoded[0]
            lls, lengths, truncated = [], [], False
            for whole in encoded[1:]:
                continuation_enc = whole[len(context_enc):]
                inp = (context_enc + continuation_enc)[-max_length:]
                ctxlen = len(context_enc) - max(0, len(context_enc) + len(continuation_enc) - max_length)
                truncated = truncated or len(inp) < len(context_enc) + len(continuation_enc)
                lls.append(loglikelihood(base, inp, ctxlen))
                lengths.append(len(inp))
            pred = max(range(len(lls)), key=lambda i: (lls[i], -i))
            print(json.dumps({"task": name, "index": index, "gold": gold, "context_tokens": len(context_enc),
                              "tokens": lengths, "truncated": truncated, "loglikelihoods": lls, "argmax": pred,
                              "acc": float(pred == gold)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
