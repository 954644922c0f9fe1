#!/usr/bin/env bash
# Starts a throw-away S3-compatible server (npm `s3rver`, pinned in scripts/s3rver/package-lock.json) on loopback
# for the tests of moa curate with s3:// inputs and outputs, and prints the exports the tests and moa need.
# Installs the package with `npm ci` into scripts/s3rver/node_modules (never committed). Idempotent: a running
# server is reused. Usage: eval "$(scripts/start-s3.sh)"  -> exports MOA_S3_ENDPOINT, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY, AWS_REGION, MOA_TEST_S3. Env: MOA_S3_PORT (default 54569), MOA_S3_DIR (default
# ${TMPDIR:-/tmp}/moa-s3-<uid>).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${MOA_S3_PORT:-54569}"
dir="${MOA_S3_DIR:-${TMPDIR:-/tmp}/moa-s3-$(id -u)}"
pkg="$here/s3rver"
if [ ! -x "$pkg/node_modules/.bin/s3rver" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    "$here/ensure-deps.sh" npm >&2 || { echo "start-s3: npm is missing; install it (apt-get install npm)." >&2; exit 1; }
  fi
  ( cd "$pkg" && npm ci --prefer-offline --no-audit --no-fund --silent >&2 ) \
    || { echo "start-s3: cannot install s3rver from npm or its cache (scripts/s3rver/package-lock.json)." >&2; exit 1; }
fi
up() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" ; }
mkdir -p "$dir/data"
if ! up; then
  # S3RVER accepts the access key S3RVER/S3RVER only; the tests use the same keys as a real endpoint would need.
  nohup node "$pkg/node_modules/.bin/s3rver" --address 127.0.0.1 --port "$port" --directory "$dir/data" --silent \
    >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  for _ in $(seq 1 60); do up && break; sleep 0.5; done
  up || { echo "start-s3: s3rver did not come up on 127.0.0.1:$port; log:" >&2; cat "$dir/server.log" >&2; exit 1; }
fi
echo "export MOA_S3_ENDPOINT='http://127.0.0.1:$port' AWS_ACCESS_KEY_ID='S3RVER' AWS_SECRET_ACCESS_KEY='S3RVER' AWS_REGION='us-east-1' MOA_TEST_S3=1"
