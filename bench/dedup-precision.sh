#!/usr/bin/env bash
# Near-dedup precision and cost, verified (now) against unverified LSH (before), in one process on the same texts:
# removed documents, largest cluster, removed documents whose true word 5-gram Jaccard with the kept copy they point
# to is below 0.7 (target: at most 1%), the similarity histogram, per-core MB/s (thread CPU time) and table memory.
#  1. the bench corpus (the one bench/curate-speed.sh builds from shared/data),
#  2. the genre sets in shared/data/text/genres (never used for tuning).
# Usage: bench/dedup-precision.sh [MEGABYTES=200] [SHARED_ROOT=../shared]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-200}"
shared="${2:-$here/../shared}"
corpus="$here/bench/corpus/$mb"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=0
dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
if [ ! -d "$corpus" ]; then
  echo "building a ${mb} MB corpus in $corpus ..."
  $bench corpus "$shared" "$corpus" "$mb" 16
fi
echo "== bench corpus ($mb MB target, $corpus)"
$bench dedup-precision "$corpus"
echo
echo "== genre sets ($shared/data/text/genres)"
$bench dedup-precision "$shared/data/text/genres"
