# Shared by scripts/run and scripts/test: install what a fresh machine (Node 20 + npm + apt) lacks.
# Idempotent and quick when everything is already there.
set -euo pipefail

PNPM_VERSION=12.4.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"

ensure_node() {
  command -v node >/dev/null || { echo "Node.js 20 is required (node not found)." >&2; exit 1; }
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then echo "Node.js >= 20 is required (found $(node -v))." >&2; exit 1; fi
}

# pnpm is installed into the project (.tools/) at the pinned version: no global change, no corepack
# (corepack cannot verify signatures against this registry; toolchain.md pitfall 3).
ensure_pnpm() {
  if [ ! -x "$TOOLS/node_modules/.bin/pnpm" ] || [ "$("$TOOLS/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "==> installing pnpm $PNPM_VERSION into .tools/"
    local log; log="$(mktemp)"
    # Quiet when it works; npm's own words when it does not (registry, proxy or certificate trouble).
    if ! npm install --no-audit --no-fund --prefix "$TOOLS" "pnpm@$PNPM_VERSION" >"$log" 2>&1; then
      echo "Could not install pnpm $PNPM_VERSION from the npm registry:" >&2
      tail -n 20 "$log" >&2
      rm -f "$log"
      exit 1
    fi
    rm -f "$log"
  fi
  export PATH="$TOOLS/node_modules/.bin:$PATH"
}

# better-sqlite3 compiles from source; node-gyp must use the local Node headers (pitfall 1).
ensure_deps() {
  if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
  echo "==> pnpm install (frozen lockfile)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only | grep -vE '^(Progress|Downloading)' | tail -n 5)
}

# Debian's chromium for the Playwright journeys; Playwright never downloads a browser here.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  echo "==> installing Debian's chromium"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
