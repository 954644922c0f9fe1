#!/usr/bin/env bash
# Harness overhead of `moa eval` per request against a fast local server (in-process Kestrel, canned echo+logprobs reply),
# at concurrency 64: raw HttpClient vs ModelClient without cache, with a cold cache and with a warm cache.
# Targets: overhead < 1 ms per request and >= 2,000 requests/s. Results: bench/BenchmarkDotNet.Artifacts/results/*EvalHarness*.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
cd "$here"
dotnet run -c Release --project Moa.Bench -- --filter '*EvalHarnessBenchmarks*' "$@"
report="$(ls -t BenchmarkDotNet.Artifacts/results/*EvalHarness*-report.csv 2>/dev/null | head -1 || true)"
if [ -n "$report" ]; then
  echo
  echo "time per request (Mean is per request: OperationsPerInvoke = 2048) and requests/s:"
  python3 - "$report" <<'PY'
import csv, sys, re
rows = list(csv.DictReader(open(sys.argv[1])))
def us(s):
    m = re.match(r"([\d.,]+)\s*(ns|μs|us|ms|s)", s.replace(",", ""))
    v, u = float(m.group(1)), m.group(2)
    return v * {"ns": 1e-3, "μs": 1, "us": 1, "ms": 1e3, "s": 1e6}[u]
base = None
for r in rows:
    t = us(r["Mean"])
    if r["Method"] == "RawHttpClient":
        base = t
for r in rows:
    t = us(r["Mean"])
    extra = "" if base is None else f"  overhead vs raw {t - base:+8.1f} us"
    print(f"{r['Method']:18s} {t:8.1f} us/request  {1e6 / t:9.0f} requests/s{extra}")
PY
fi
