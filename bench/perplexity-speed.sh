#!/usr/bin/env bash
# What the perplexity signal adds to the filter stage, on the benchmark corpus of bench/curate-speed.sh (built if
# missing), one thread, in one process: filter stages, quality filters alone, perplexity alone, and their ratios.
# Usage: bench/perplexity-speed.sh [MEGABYTES=200] [ROUNDS=3] [SHARED_ROOT=../shared]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-200}"
rounds="${2:-3}"
shared="${3:-$here/../shared}"
corpus="$here/bench/corpus/$mb"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$here/bench/Moa.Bench" -c Release -v:q -nologo >/dev/null
bench="dotnet $here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
if [ ! -d "$corpus" ]; then
  echo "building a ${mb} MB corpus in $corpus ..."
  $bench corpus "$shared" "$corpus" "$mb" 16
fi
$bench perplexity "$corpus" "$rounds"
