#!/usr/bin/env bash
# Leaderboard measurements: a full phase recompute from raw data (5 teams x 20 benchmarks x 10,000 items, 1,000 bootstrap
# resamples; target < 2 s) and the battle page under concurrent voters on loopback (target p99 < 100 ms at 200 voters).
# Usage: bench/leaderboard.sh [ROUNDS=5] [VOTERS=200] [SECONDS=30]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet build "$here/Moa.Bench" -c Release -v:q >/dev/null
bin="$here/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll"
dotnet "$bin" leaderboard-recompute "${1:-5}"
dotnet "$bin" battle-load "${2:-200}" "${3:-30}"
# The same with the load generator as its own process at nice 10 (the hub's server-side latency is reported by both).
dotnet "$bin" battle-load "${2:-200}" "${3:-30}" separate
