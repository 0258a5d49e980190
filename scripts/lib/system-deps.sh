# Sourced by scripts/test and scripts/cluster: the machine packages the tests need (Debian's Chromium
# headless shell for browser tests, PostgreSQL server binaries when no TEST_DATABASE_URL is given),
# installed with apt when missing and we are root.

apt_install() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "Missing system packages: $*. Install them (Debian: apt-get install $*) and run again." >&2
    exit 1
  fi
  log "installing $* with apt-get"
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Debian's headless shell of Chromium (the same engine without the full browser's window, GPU and
# compositor processes): a browser file takes about a quarter less time than with /usr/bin/chromium
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}" ] || apt_install chromium-headless-shell
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
}

ensure_postgres_binaries() {
  [ -n "${TEST_DATABASE_URL:-}" ] && return
  command -v pg_ctl >/dev/null && return
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && return
  apt_install postgresql postgresql-contrib
}

# scripts/cluster: nginx in front of the instances, PgBouncer in front of PostgreSQL (Debian's packages)
ensure_cluster_packages() {
  local missing=()
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  export PATH="$PATH:/usr/sbin"
}
