#!/usr/bin/env bash
# Produces the reference token ids and the small tokenizer files under tests/Moa.Text.Tests/Tokens/Reference with the
# reference implementations: js-tiktoken and @huggingface/tokenizers (npm, versions pinned in package.json) and
# SentencePiece's own spm_train/spm_encode (Debian package `sentencepiece`, version recorded in the output).
# The SentencePiece models are trained here on the first 5,000 NSMC reviews (CC0, ../shared/data/text).
# Run once by hand after changing strings.json; tests never run it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${1:-$repo/../shared}"
out="$repo/tests/Moa.Text.Tests/Tokens/Reference"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
command -v spm_train >/dev/null || { echo "install SentencePiece first: apt-get install -y sentencepiece" >&2; exit 1; }
cp "$here/package.json" "$here/make.mjs" "$here/strings.json" "$work/"
(cd "$work" && npm install --ignore-scripts --no-audit --no-fund --silent)
node "$work/make.mjs" "$out" 1000

head -n 5000 "$shared/data/text/nsmc_reviews_sample.jsonl" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
  for (const l of lines) console.log(JSON.parse(l).text.replace(/\s+/g, " "));' > "$work/nsmc.txt"
spm_version="$(dpkg-query -W -f '${Version}' sentencepiece)"
for type in bpe unigram; do
  spm_train --input="$work/nsmc.txt" --model_prefix="$work/nsmc-$type" --model_type="$type" --vocab_size=2000 \
    --character_coverage=0.995 --byte_fallback=true --num_threads=1 \
    --minloglevel=2 >/dev/null 2>&1
  cp "$work/nsmc-$type.model" "$out/nsmc-$type.model"
done
# spm_encode reads one sentence a line: encode each string alone (newlines inside a string would split it).
node -e '
  const { execFileSync } = require("child_process");
  const fs = require("fs");
  const [outDir, version] = process.argv.slice(1);
  const file = outDir + "/reference-ids.json";
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const type of ["bpe", "unigram"]) {
    const name = `nsmc-${type}.model`;
    result.ids[name] = result.strings.map((s) => {
      if (s.includes("\n")) return null;
      const ids = execFileSync("spm_encode", [`--model=${outDir}/${name}`, "--output_format=id"], { input: s + "\n" }).toString().trim();
      return ids.length ? ids.split(" ").map(Number) : [];
    });
    result.produced_by[name] = `SentencePiece ${version} (Debian sentencepiece) spm_encode --output_format=id; model by spm_train --model_type=${type} --vocab_size=2000 --character_coverage=0.995 --byte_fallback=true on the first 5,000 NSMC reviews (CC0); strings with a line break are left out (null)`;
  }
  fs.writeFileSync(file, JSON.stringify(result, null, 1) + "\n");
' "$out" "$spm_version"
ls -la "$out"
