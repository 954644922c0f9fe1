#!/usr/bin/env bash
# De-identification speed on gen_adult data (issue 15): k-anonymity check of 8 quasi-identifiers, optimal search
# (k=5, 5% suppression, ARX's Loss) with the exhaustive search of the same lattice as the same-run baseline (30k rows),
# and the same at 1M rows. Usage: bench/deid-speed.sh [ROUNDS]   (writes data under bench/adult-*; not committed)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
gen=../shared/tools/gen_adult.py
for rows in 30162 1000000; do
  dir="bench/adult-$rows"
  [ -f "$dir/adult.csv" ] || { mkdir -p "$dir"; python3 "$gen" "$rows" "$dir" >/dev/null; }
done
dotnet build bench/Moa.Bench -c Release -v:q >/dev/null
for rows in 30162 1000000; do
  echo "== $rows rows"
  dotnet bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll deid "bench/adult-$rows" "$rounds"
done
