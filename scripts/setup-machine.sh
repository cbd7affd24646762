#!/usr/bin/env bash
# Installs what a fresh Node 20 machine lacks for boxafe-connect, then the workspace dependencies.
# Idempotent: anything already present is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  echo "setup: installing pnpm 12.4.2" >&2
  npm i -g pnpm@12.4.2 >/dev/null
fi

# Debian's Chromium drives the browser tests; tmux drives the interactive CLI tests.
missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} from Debian" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]}); browser/tmux tests need them" >&2
  fi
fi

pnpm install --frozen-lockfile
