#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
# Installs it when missing, so `npm test` works on a fresh machine.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
echo "Chromium not found at $browser; installing Debian's chromium package..." >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root, or install it yourself: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
