# Sourced by scripts/start and scripts/test: makes sure Node 24 and pnpm are on PATH (installing
# them into the project-local .tools/ when the machine's are missing or too old, never touching
# the system's node), then installs the workspace's dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_MAJOR=24
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$ROOT/package.json")"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$TOOLS/node_modules/node/bin/node" ] && [ "$(node_major "$TOOLS/node_modules/node/bin/node")" -ge "$NODE_MAJOR" ]; then
    export PATH="$TOOLS/node_modules/node/bin:$PATH"
  elif command -v node >/dev/null && [ "$(node_major node)" -ge "$NODE_MAJOR" ]; then
    : # the machine's node is new enough
  else
    command -v npm >/dev/null || { echo "npm is needed to bootstrap Node $NODE_MAJOR; install Node.js first." >&2; exit 1; }
    log "installing Node $NODE_MAJOR into .tools/ (the system's node stays as it is)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
    export PATH="$TOOLS/node_modules/node/bin:$PATH"
  fi
}

ensure_pnpm() {
  if [ -x "$TOOLS/node_modules/.bin/pnpm" ] && [ "$("$TOOLS/node_modules/.bin/pnpm" --version)" = "$PNPM_VERSION" ]; then
    :
  else
    log "installing pnpm $PNPM_VERSION into .tools/"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$TOOLS/node_modules/.bin:$PATH"
  # keep our node first: .tools/node_modules/.bin also holds a `node` shim
  if [ -x "$TOOLS/node_modules/node/bin/node" ]; then export PATH="$TOOLS/node_modules/node/bin:$PATH"; fi
}

ensure_dependencies() {
  log "node $(node --version), pnpm $(pnpm --version); installing dependencies"
  (cd "$ROOT" && pnpm install --frozen-lockfile --prefer-offline --reporter=silent)
}

ensure_node
ensure_pnpm
ensure_dependencies
cd "$ROOT"
