#!/usr/bin/env bash
# Installs the Debian packages Moa's commands and tests need, once. Usage: scripts/ensure-deps.sh PKG...
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "moa: needs Debian packages ${missing[*]} and cannot install them (not root, no sudo)." >&2
    echo "     Install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "moa: installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
