#!/usr/bin/env bash
# Rebuilds the perplexity model of the quality stage (src/Moa.Curation/Perplexity/ko-char-lm.bin.gz) from the openly
# licensed Korean text in shared/data: tuning halves of the KoBEST BoolQ paragraphs and the news snippets; the cut-offs
# come from the tuning half of the KorQuAD paragraphs. Deterministic: the same data gives the same model.
# Usage: scripts/train-quality-lm.sh [SHARED_DATA=../shared/data]   (see docs/curation/perplexity.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/data}"
"$here/moa" curate train-lm --data "$data" --output "$here/src/Moa.Curation/Perplexity/ko-char-lm.bin.gz"
