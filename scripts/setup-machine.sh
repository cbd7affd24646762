#!/usr/bin/env bash
# Installs what a fresh Node 20 machine lacks for boxafe-connect, then the workspace dependencies.
# Idempotent: anything already present is left alone. Exits non-zero when it cannot provide Chromium
# or tmux, which `pnpm test` needs (the browser tests and the wizard's terminal tests): a machine
# without them would otherwise fail those tests later, or, for tmux, have them skipped unseen.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  echo "setup: installing pnpm 12.4.2" >&2
  npm i -g pnpm@12.4.2 >/dev/null
fi

# Debian's Chromium drives the browser tests (at CHROMIUM_PATH, default /usr/bin/chromium, where the
# tests launch it); tmux drives the interactive CLI tests (found on PATH, as packages/cli/e2e/tmux.ts does).
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
need() {
  missing=()
  [ -x "$chromium_path" ] || missing+=(chromium)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
}
need
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  as_root=()
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  fi
  if [ "$(id -u)" = "0" ] || [ ${#as_root[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} from Debian" >&2
    # Failures are reported below, by what is still missing.
    "${as_root[@]}" apt-get update -qq || true
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || true
    need
  fi
fi

pnpm install --frozen-lockfile

# The marker tells the terminal tests tmux was promised here, so they fail rather than skip without it.
marker=node_modules/.boxafe-machine
if [ ${#missing[@]} -gt 0 ]; then
  rm -f "$marker"
  echo "setup: cannot provide ${missing[*]}; \`pnpm test\` needs them (browser and terminal tests)." >&2
  echo "setup: install them (e.g. sudo apt-get install -y ${missing[*]}; CHROMIUM_PATH names another Chromium) and run this again." >&2
  echo "setup: the dependencies are installed, so \`pnpm start\` works without them." >&2
  exit 1
fi
printf 'chromium=%s\ntmux=%s\n' "$chromium_path" "$(command -v tmux)" >"$marker"
