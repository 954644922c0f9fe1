#!/usr/bin/env bash
# Load test of the hub's read path with wrk on loopback: catalogue API, dataset-page API, dataset HTML page.
# Starts `moa serve` on a fresh SQLite database, registers a small curate output built from the shared NSMC sample,
# runs wrk for a bounded time per endpoint and prints requests/s and latency percentiles.
# Usage: bench/hub-load.sh [DURATION_SECONDS=10] [CONNECTIONS=64]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dur="${1:-10}"; conns="${2:-64}"; port="${MOA_BENCH_PORT:-5099}"
"$here/scripts/ensure-deps.sh" wrk curl
work="$(mktemp -d)"
stop() { if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap stop EXIT

# A curate output folder: two gzip JSONL parts with manifest.json and stats.json.
src="${MOA_SHARED_DATA:-$here/../shared/data}/text/nsmc_reviews_sample.jsonl"
[ -f "$src" ] || src="/work/shared/data/text/nsmc_reviews_sample.jsonl"
mkdir -p "$work/curated/data"
files=""; docs_total=0
for p in 0 1; do
  f="data/part-0000$p.jsonl.gz"
  sed -n "$((p * 500 + 1)),$((p * 500 + 500))p" "$src" | gzip -n > "$work/curated/$f"
  docs=$(zcat "$work/curated/$f" | wc -l); bytes=$(stat -c %s "$work/curated/$f"); sha=$(sha256sum "$work/curated/$f" | cut -d' ' -f1)
  docs_total=$((docs_total + docs))
  files="$files${files:+,}{\"path\":\"$f\",\"sha256\":\"$sha\",\"documents\":$docs,\"bytes\":$bytes}"
done
echo "{\"tool\":\"moa\",\"version\":\"bench\",\"config_hash\":\"bench\",\"config\":{},\"files\":[$files]}" > "$work/curated/manifest.json"
echo "{\"documents_in\":$docs_total,\"documents_out\":$docs_total,\"bytes_in\":0,\"bytes_out\":0,\"stages\":[{\"name\":\"quality\",\"documents_in\":$docs_total,\"documents_out\":$docs_total,\"bytes_in\":0,\"bytes_out\":0}],\"reasons\":{},\"languages\":{\"ko\":$docs_total},\"files\":[$files],\"tokens_out\":0}" > "$work/curated/stats.json"

export MOA_OPERATOR_PASSWORD="bench-operator-password"
"$here/moa" serve --db "sqlite:$work/hub.db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/api/health" >/dev/null || { cat "$work/serve.log"; echo "hub-load: the hub did not start" >&2; exit 1; }
token=$(curl -fs -X POST "http://127.0.0.1:$port/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"operator@moa.local\",\"password\":\"$MOA_OPERATOR_PASSWORD\",\"name\":\"bench\",\"scopes\":[\"read\",\"write\"]}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
curl -fs -X POST "http://127.0.0.1:$port/api/datasets" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"folder\":\"$work/curated\",\"slug\":\"nsmc-bench\",\"name\":\"NSMC bench\",\"licence\":\"CC-BY-4.0\"}" >/dev/null

echo "hub-load: $(nproc) cores, wrk -t2 -c$conns -d${dur}s per endpoint"
# The same catalogue endpoints signed in with an API token: every request checks the token against the database
# (through the hub's 5-second in-process cache), which is the per-request credential check's cost.
for spec in /api/datasets /api/datasets/nsmc-bench /datasets/nsmc-bench "auth /api/datasets" "auth /api/datasets/nsmc-bench"; do
  path="${spec#auth }"; label="$path"; headers=()
  if [ "$spec" != "$path" ]; then headers=(-H "Authorization: Bearer $token"); label="$path (token)"; fi
  wrk -t2 -c"$conns" -d"${dur}s" --latency "${headers[@]}" "http://127.0.0.1:$port$path" > "$work/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true)
  printf '%-36s %10s req/s   p50 %-8s p99 %-8s %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
done
