#!/usr/bin/env bash
# Curation speed on a >= 200 MB Korean/English corpus built from shared/data, on this machine:
#  - per-core MB/s of the filter stages and of near dedup end to end (in memory, 1 thread),
#  - whole `moa curate` runs with --workers 1 and 2, with peak memory,
#  - baselines measured in the same run: `zcat | wc -l` over the same files, and gunzip + JSON parse in .NET.
# Usage: bench/curate-speed.sh [MEGABYTES=200] [SHARED_ROOT=../shared]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-200}"
shared="${2:-$here/../shared}"
corpus="$here/bench/corpus/$mb"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
if [ ! -d "$corpus" ]; then
  echo "building a ${mb} MB corpus in $corpus ..."
  $bench corpus "$shared" "$corpus" "$mb" 16
fi
raw=$(zcat "$corpus"/*.jsonl.gz | wc -c)
echo "corpus: $(ls "$corpus" | wc -l) files, $((raw / 1000000)) MB uncompressed JSONL, $(( $(du -sb "$corpus" | cut -f1) / 1000000 )) MB gzip"
echo
echo "== baseline: zcat | wc -l (1 core)"
start=$(date +%s.%N); zcat "$corpus"/*.jsonl.gz | wc -l >/dev/null; end=$(date +%s.%N)
awk -v b="$raw" -v s="$start" -v e="$end" 'BEGIN { printf "zcat | wc -l: %.1f MB/s\n", b / 1e6 / (e - s) }'
echo
echo "== stages in memory, 1 thread"
$bench stages "$corpus"
echo
"$here/moa" --help >/dev/null
for w in 1 2; do
  out="$(mktemp -d)"
  echo "== moa curate --workers $w (whole pipeline: read, normalise, language, filters, dedup, PII, gzip write)"
  /usr/bin/time -f "peak RSS %M KB, %e s wall, %U s user" "$here/moa" curate --input "$corpus" --output "$out/run" --workers "$w" --quiet >/dev/null 2>"$out/time.txt" || { cat "$out/time.txt"; exit 1; }
  secs=$(tail -1 "$out/time.txt" | sed -n 's/.*KB, \([0-9.]*\) s wall.*/\1/p')
  tail -1 "$out/time.txt"
  awk -v b="$raw" -v s="$secs" -v w="$w" 'BEGIN { printf "moa curate: %.1f MB/s total, %.1f MB/s per core\n", b / 1e6 / s, b / 1e6 / s / w }'
  rm -rf "$out"
done
