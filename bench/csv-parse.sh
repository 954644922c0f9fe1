#!/usr/bin/env bash
# Moa's CSV records (Sep inside CsvReader's wrapper) vs raw Sep 0.18 on the provider CSV files (CP949/EUC-KR and UTF-8), one process, alternating rounds.
# Usage: bench/csv-parse.sh [ROUNDS]   (default 15). Results: bench/RESULTS.md, "CSV record parser vs Sep".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$here/../shared/data/providers/csv"
dotnet build "$here/bench/Moa.Bench" -c Release -v:q >/dev/null
dotnet "$here/bench/Moa.Bench/bin/Release/net10.0/Moa.Bench.dll" csv-parse "${1:-15}" "$data"/*.csv
