#!/usr/bin/env bash
# A throwaway PostgreSQL for one test run: its own cluster in a temp dir, on 127.0.0.1 and a free
# port (never 5432, so a system cluster is left alone), removed again when the shell exits.
#
#   source scripts/lib/postgres.sh; ensure_postgres    # exports WC_TEST_DATABASE_URL
#   scripts/lib/postgres.sh pnpm --filter @wc/bff test # runs one command against a fresh cluster
#
# Installs Debian's postgresql when no server binaries are found (fresh machine). An already set
# WC_TEST_DATABASE_URL is used as it is (a database of your own; tests make their own schemas in it).
set -euo pipefail

PG_TEST_USER=wc_test
PG_TEST_DB=wc_test

# Debian keeps initdb and pg_ctl off PATH, under /usr/lib/postgresql/<major>/bin.
_pg_bindir() {
  local initdb
  if initdb="$(command -v initdb)" && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$initdb")"
    return
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

# Installs without starting anything: a missing policy-rc.d is stood in for by one that denies
# service starts (the Debian mechanism deb-systemd-invoke and invoke-rc.d honour), so the
# package's own cluster on 5432 stays down.
_pg_install() {
  echo "==> installing Debian's postgresql (not started; the tests run their own cluster)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
    echo "PostgreSQL server binaries are missing and there is no sudo: install Debian's postgresql as root." >&2
    return 1
  fi
  local policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
    # Removed by _pg_cleanup too, should the install be interrupted: left behind, it would stop
    # every later package on this machine from starting its service.
    _PG_PLACED_POLICY="$sudo rm -f $policy"
  fi
  local rc=0
  { $sudo apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } || rc=$?
  _pg_remove_policy
  return "$rc"
}

_pg_remove_policy() {
  if [ -n "${_PG_PLACED_POLICY:-}" ]; then $_PG_PLACED_POLICY; _PG_PLACED_POLICY=""; fi
}

_pg_free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# initdb refuses to run as root: as root the cluster belongs to the postgres OS user.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd "$_PG_DIR" && runuser -u postgres -- "$@"); else (cd "$_PG_DIR" && "$@"); fi
}

_pg_cleanup() {
  _pg_remove_policy
  [ -n "${_PG_DIR:-}" ] || return 0
  if [ -f "$_PG_DIR/data/postmaster.pid" ]; then
    _pg_as_owner "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$_PG_DIR"
  _PG_DIR=""
}

# Runs the caller's EXIT trap (if any) and then ours, so sourcing this never drops a cleanup.
_pg_chain_exit_trap() {
  local previous=""
  eval "set -- $(trap -p EXIT)"
  previous="${3:-}"
  trap "${previous:+$previous; }_pg_cleanup" EXIT
  # Without these, a Ctrl-C or kill could end the shell before the EXIT trap has stopped postgres.
  [ -n "$(trap -p INT)" ] || trap 'exit 130' INT
  [ -n "$(trap -p TERM)" ] || trap 'exit 143' TERM
}

_pg_start() {
  local port attempt
  for attempt in 1 2 3; do
    port="$(_pg_free_port)"
    # fsync and friends off: a crash loses nothing worth keeping, and the tests run faster.
    if _pg_as_owner "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$_PG_DIR/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null; then
      _PG_PORT="$port"
      return 0
    fi
    echo "postgres did not start on port $port (attempt $attempt); server log:" >&2
    tail -n 5 "$_PG_DIR/server.log" >&2 || true
  done
  return 1
}

ensure_postgres() {
  if [ -n "${WC_TEST_DATABASE_URL:-}" ]; then
    echo "==> PostgreSQL: using WC_TEST_DATABASE_URL from the environment"
    return 0
  fi
  local started; started="$(date +%s%N)"
  _pg_chain_exit_trap
  _PG_BIN="$(_pg_bindir)"
  if [ -z "$_PG_BIN" ]; then
    _pg_install
    _PG_BIN="$(_pg_bindir)"
    [ -n "$_PG_BIN" ] || { echo "postgresql installed, but no initdb/pg_ctl under /usr/lib/postgresql/*/bin" >&2; return 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "running as root needs the 'postgres' OS user to own the test cluster (initdb refuses root)" >&2
    return 1
  fi

  _PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/wc-pg.XXXXXX")"
  mkdir -p "$_PG_DIR/socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$_PG_DIR"; fi

  _pg_as_owner "$_PG_BIN/initdb" -D "$_PG_DIR/data" --no-sync -U postgres -E UTF8 --no-locale --auth=trust >/dev/null
  # Trust, but only over the socket in our temp dir and loopback TCP (listen_addresses is 127.0.0.1).
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$_PG_DIR/data/pg_hba.conf"
  _pg_start
  _pg_as_owner "$_PG_BIN/psql" -h "$_PG_DIR/socket" -p "$_PG_PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $PG_TEST_USER LOGIN CREATEDB" -c "CREATE DATABASE $PG_TEST_DB OWNER $PG_TEST_USER" >/dev/null

  export WC_TEST_DATABASE_URL="postgres://$PG_TEST_USER@127.0.0.1:$_PG_PORT/$PG_TEST_DB"
  local ms=$((($(date +%s%N) - started) / 1000000))
  echo "==> PostgreSQL $("$_PG_BIN/pg_ctl" --version | awk "{ print \$3 }") on 127.0.0.1:$_PG_PORT (ready in ${ms} ms)"
}

# Run directly: start a cluster, run the given command against it, tear the cluster down.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_postgres
  if [ "$#" -eq 0 ]; then
    echo "WC_TEST_DATABASE_URL=$WC_TEST_DATABASE_URL (Ctrl-C stops and removes the cluster)"
    while true; do sleep 3600; done
  fi
  "$@"
fi
