#!/usr/bin/env bash
# Runs every test. Installs what the tests need (Debian packages), builds, runs each test project,
# and ends with one line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
scripts/ensure-deps.sh chromium fonts-nanum poppler-utils ripgrep || exit 1
scripts/vendor-js.sh || exit 1
eval "$(scripts/start-postgres.sh)" || { echo "Tests: 0 passed, 1 failed (PostgreSQL did not start)"; exit 1; }
export MOA_TEST_PG
# A real single-node Slurm for the deploy/slurm workflow test (exports SLURM_CONF and MOA_TEST_SLURM=1).
eval "$(scripts/start-slurm.sh)" || { echo "Tests: 0 passed, 1 failed (Slurm did not start)"; exit 1; }
export SLURM_CONF MOA_TEST_SLURM
# A local S3-compatible server (npm s3rver) for moa curate with s3:// inputs and outputs.
eval "$(scripts/start-s3.sh)" || { echo "Tests: 0 passed, 1 failed (the S3 server did not start)"; exit 1; }
export MOA_S3_ENDPOINT AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION MOA_TEST_S3

dotnet build Moa.slnx -c Release -nologo -v:q || { echo "Tests: 0 passed, 1 failed (build failed)"; exit 1; }

results="$here/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.csproj; do
  name="$(basename "$proj" .csproj)"
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=false || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
[ "$failed" -gt 0 ] && status=1
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
