#!/usr/bin/env bash
# Curation speed on a >= 200 MB Korean/English corpus built from shared/data, on this machine:
#  - per-core MB/s of the filter stages and of near dedup end to end (in memory, 1 thread),
#  - whole `moa curate --workers 1` runs, every stage on, in MB of JSONL per CPU-second (user + sys) and peak memory per
#    GB of input, for each output format: jsonl.zst (zstd 3), parquet (zstd pages), jsonl.gz at fastest and at optimal
#    (the default), and jsonl.zst with the structured PII types only (no person tagger) to show the tagger's share,
#  - with OLD_MOA=/path/to/moa.dll (the old code built elsewhere): the same runs of the old code, for ratios in one run,
#  - baselines measured in the same run: `zcat | wc -l` over the same files, and gunzip + JSON parse in .NET.
# SKIP_STAGES=1 leaves out the in-memory stage figures (and the build of bench/Moa.Bench); VARIANTS and OLD_VARIANTS
# (space-separated) choose the runs.
# Usage: bench/curate-speed.sh [MEGABYTES=200] [SHARED_ROOT=../shared]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-200}"
shared="${2:-$here/../shared}"
corpus="$here/bench/corpus/$mb"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
if [ "${SKIP_STAGES:-0}" != 1 ] || [ ! -d "$corpus" ]; then
  dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
fi
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
if [ "${SKIP_STAGES:-0}" != 1 ]; then
  echo
  echo "== stages in memory, 1 thread"
  $bench stages "$corpus"
fi
echo
"$here/moa" --help >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
structured=$("$here/moa" pii scan --help | tr -d ' \n' | grep -o 'default:all):[A-Z_,]*' | cut -d: -f3 | tr ',' '\n' | grep -vx PERSON | sed 's/^/  - /')
printf 'output:\n  format: jsonl.zst\n' > "$work/zst.yaml"
printf 'output:\n  format: parquet\n' > "$work/parquet.yaml"
printf 'output:\n  format: jsonl.gz\n  compression: fastest\n' > "$work/gzip-fastest.yaml"
printf 'output:\n  format: jsonl.gz\n  compression: optimal\n' > "$work/gzip-optimal.yaml"
printf 'output:\n  format: jsonl.zst\npii:\n  types:\n%s\n' "$structured" > "$work/zst-no-person.yaml"
# One whole run: label, then the command; prints MB per CPU-second, peak RSS per GB of input and the CPU split by phase.
run() {
  local label="$1"; shift
  rm -rf "$work/run"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" --input "$corpus" --output "$work/run" --workers 1 --quiet >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  read -r wall user sys rss < "$work/time.txt"
  phases=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); t=s['timings']; st={x['name']: x['seconds'] for x in s['stages']}; print('map %.0f%%, dedup %.0f%%, write %.0f%% of wall; stage s: quality %.1f, dedup_near %.1f, pii %.1f' % tuple([100*t[k]/t['total'] for k in ('map','dedup','write')] + [st['quality'], st['dedup_near'], st['pii']]))" "$work/run/stats.json")
  awk -v l="$label" -v b="$raw" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v p="$phases" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.1f | **%.1f** | %.0f | %s |\n", l, w, u + s, b / 1e6 / w, b / 1e6 / (u + s), m / 1024 / (b / 1e9), p }'
}
echo "== moa curate --workers 1, every stage on (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "| run | wall s | CPU s | MB/s wall | MB per CPU-second | peak RSS MB per GB in | where the time went |"
echo "|---|---:|---:|---:|---:|---:|---|"
for variant in ${VARIANTS:-zst parquet gzip-fastest gzip-optimal zst-no-person}; do
  run "new, $variant" "$here/moa" curate --config "$work/$variant.yaml"
  if [ -n "${OLD_MOA:-}" ] && [[ " ${OLD_VARIANTS:-zst gzip-fastest gzip-optimal zst-no-person} " == *" $variant "* ]]; then
    run "old, $variant" dotnet "$OLD_MOA" curate --config "$work/$variant.yaml"
  fi
done
