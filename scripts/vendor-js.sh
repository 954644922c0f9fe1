#!/usr/bin/env bash
# Vendors the hub's front-end libraries from npm into src/Moa.Hub/wwwroot/lib (never committed).
# Works offline once the npm cache holds the packages (npm pack --prefer-offline). Usage: scripts/vendor-js.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$here/src/Moa.Hub/wwwroot/lib"
mkdir -p "$dest"
vendor() { # package version file-in-dist target
  local pkg="$1" ver="$2" file="$3" target="$4"
  local stamp="$dest/.$pkg-$ver"
  [ -f "$stamp" ] && [ -f "$dest/$target" ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    "$here/scripts/ensure-deps.sh" npm || { echo "vendor-js: npm is missing; install it (apt-get install npm)." >&2; return 1; }
  fi
  local tmp; tmp="$(mktemp -d)"
  ( cd "$tmp" && npm pack "$pkg@$ver" --prefer-offline --silent >/dev/null ) \
    || { rm -rf "$tmp"; echo "vendor-js: cannot fetch $pkg@$ver from npm or its cache." >&2; return 1; }
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  cp "$tmp/package/$file" "$dest/$target"
  cp "$tmp/package/LICENSE.md" "$dest/$pkg.LICENSE.md" 2>/dev/null || true
  rm -rf "$tmp"
  rm -f "$dest"/."$pkg"-*
  touch "$stamp"
}
vendor chart.js 4.6.1 dist/chart.umd.min.js chart.umd.min.js
