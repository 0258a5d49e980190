#!/usr/bin/env bash
# `pnpm bench:cluster`: nginx and PgBouncer (Debian's packages) as scripts/cluster installs them,
# then the benchmark (scripts/bench/cluster.ts).
set -euo pipefail
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
source "$(dirname "$0")/../lib/system-deps.sh"
ensure_cluster_packages
ensure_postgres_binaries
exec node "$(dirname "$0")/cluster.ts" "$@"
