#!/usr/bin/env bash
# Runs a few background processes and watches them: a process started as "expendable" (a console
# replica) may die, and the rest keep running; when an "essential" one (the proxy, the simulator)
# ends, or Ctrl-C / SIGTERM arrives, the loop returns so the caller can stop everything. Bash 4.3+.
#
#   source scripts/lib/supervise.sh
#   trap supervise_stop_all EXIT
#   supervise_start "proxy" essential node proxy.js
#   supervise_start "replica :3101" expendable node server.js
#   supervise_loop || exit $?     # 1: an essential process ended; 130: asked to stop
#
# From the first supervise_start on, INT and TERM only set a flag the loop acts on: exiting from
# inside a signal trap runs the EXIT trap there, where bash's `wait` can miss the children's ends
# and hang (seen with bash 5.2).

declare -A _SUP_NAME=()
declare -A _SUP_ROLE=()
_SUP_STOP=0
_SUP_TICK=""

# supervise_start <name> <essential|expendable> <command…>: starts it in the background.
supervise_start() {
  local name="$1" role="$2"
  shift 2
  trap '_SUP_STOP=1' INT TERM
  "$@" &
  _SUP_NAME[$!]="$name"
  _SUP_ROLE[$!]="$role"
  SUPERVISED_PID=$!
}

_sup_expendable_left() {
  local pid
  for pid in "${!_SUP_ROLE[@]}"; do [ "${_SUP_ROLE[$pid]}" = expendable ] && return 0; done
  return 1
}

# Reports one ended process; returns 1 when it was essential.
_sup_ended() {
  local pid="$1" status="$2" name="${_SUP_NAME[$1]}" role="${_SUP_ROLE[$1]}"
  unset "_SUP_NAME[$pid]" "_SUP_ROLE[$pid]"
  if [ "$role" = essential ]; then
    echo "==> $name (pid $pid) exited with status $status: stopping everything" >&2
    return 1
  fi
  echo "==> $name (pid $pid) exited with status $status; the others keep serving (Ctrl-C stops everything)" >&2
  _sup_expendable_left || echo "==> no replica is left: requests get 502 until one answers again" >&2
}

# Returns 1 when an essential process ended, 130 when asked to stop, 0 when every process ended.
supervise_loop() {
  local pid status
  while [ "${#_SUP_NAME[@]}" -gt 0 ]; do
    if [ "$_SUP_STOP" = 1 ]; then
      echo "==> stopping everything" >&2
      return 130
    fi
    for pid in "${!_SUP_NAME[@]}"; do
      kill -0 "$pid" 2>/dev/null && continue
      # The shell remembers an ended child's status, so this returns it even once reaped.
      status=0
      wait "$pid" || status=$?
      _sup_ended "$pid" "$status" || return 1
    done
    # Sleeps until any child ends, a signal arrives, or the one-second tick ends. The scan above,
    # not wait -n, decides who ended: wait -n skips a child that ended before it was called.
    sleep 1 &
    _SUP_TICK=$!
    wait -n || true
  done
  return 0
}

# Asks every supervised process still running to stop (SIGTERM: a replica finishes its work and
# releases its leases) and waits for them; after 30 s (a replica's own limit) it kills the rest.
# SIGTERM is re-sent every second: a process signalled between fork and exec loses the signal.
supervise_stop_all() {
  local pid tries=0
  local -a left
  while :; do
    left=()
    for pid in "${!_SUP_NAME[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
    [ "${#left[@]}" -gt 0 ] || break
    if [ "$tries" -ge 150 ]; then
      echo "==> still running after 30 s, killing: ${left[*]}" >&2
      kill -KILL "${left[@]}" 2>/dev/null || true
      break
    fi
    if [ $((tries % 5)) -eq 0 ]; then kill -TERM "${left[@]}" 2>/dev/null || true; fi
    tries=$((tries + 1))
    sleep 0.2
  done
  [ -z "$_SUP_TICK" ] || kill "$_SUP_TICK" 2>/dev/null || true
  wait 2>/dev/null || true
}
