# Shared by deploy/cluster.sh and deploy/products.sh: start .NET nodes as plain processes, wait
# until they are ready, watch them, and stop them (and a throwaway PostgreSQL) again.
# Sourced, not run. The caller sets ROOT (the repository root) and RUN (the run directory).
#
# A run directory holds:
#   nodes      one line per node: "name pid url log"
#   postgres   present when the run started its own database: the directory to hand back to
#              tests/postgres.sh stop
#   NAME.log   each node's output
# shellcheck shell=bash

# A node must answer /health/ready within this many seconds. Generous: on a busy 2-core machine
# a cold .NET start plus the schema migration can take a while.
READY_TIMEOUT=${READY_TIMEOUT:-180}
# How long stop waits for a node to finish its graceful shutdown before SIGKILL. The host gives
# its hosted services 30 s by default (grain deactivation itself is capped at Silo__DeactivationTimeout).
STOP_TIMEOUT=${STOP_TIMEOUT:-45}

log() { echo "${0##*/}: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- process bookkeeping ---------------------------------------------------------------------

# Whether pid is still the process we started (its command line names our dll), so a stop never
# signals an unrelated process that happens to have reused the pid.
is_ours() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Actors\.\(Silo\|Api\)\.dll'
}

# SIGTERM every node at once (they shut down in parallel), wait, then SIGKILL stragglers.
stop_nodes() {
  local run=$1 name pid _ pids=() waited=0
  [[ -f $run/nodes ]] || return 0
  while read -r name pid _; do
    if is_ours "$pid"; then
      kill -TERM "$pid" 2>/dev/null && pids+=("$pid") && log "SIGTERM $name (pid $pid)"
    fi
  done <"$run/nodes"
  while ((${#pids[@]})); do
    local alive=()
    for pid in "${pids[@]}"; do is_ours "$pid" && alive+=("$pid"); done
    pids=("${alive[@]+"${alive[@]}"}")
    ((${#pids[@]})) || break
    if ((waited >= STOP_TIMEOUT)); then
      log "still running after ${STOP_TIMEOUT}s, SIGKILL: ${pids[*]}"
      kill -KILL "${pids[@]}" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  : >"$run/nodes.stopped"
}

stop_postgres() {
  local run=$1
  [[ -f $run/postgres ]] || return 0
  "$ROOT/tests/postgres.sh" stop "$(cat "$run/postgres")" || true
  rm -f "$run/postgres"
}

stop_all() {
  local run=$1
  stop_nodes "$run"
  stop_postgres "$run"
  log "stopped; logs kept in $run"
}

# --- starting ----------------------------------------------------------------------------------

# new_run_dir DIR PREFIX: makes DIR (or a new temp dir named PREFIX.XXXXXX) the run directory RUN,
# with an empty node list.
new_run_dir() {
  local dir=$1 prefix=$2
  [[ -n $dir ]] || dir=$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")
  mkdir -p "$dir"
  RUN=$(cd "$dir" && pwd)
  # The throwaway PostgreSQL runs as the postgres OS user when we are root: it must be able to
  # enter this directory to reach its own files below it.
  chmod 755 "$RUN"
  : >"$RUN/nodes"
}

# Starts a throwaway PostgreSQL in RUN/pg (tests/postgres.sh; installs it from apt when missing)
# and prints its Npgsql connection string. stop_postgres stops it.
start_postgres() {
  echo "$RUN/pg" >"$RUN/postgres"
  "$ROOT/tests/postgres.sh" start "$RUN/pg" | tail -n 1
}

port_free() { ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# build CONFIGURATION PROJECT...: builds only the hosts a run needs; the test projects are not
# needed to run nodes, and on a small machine they are most of the build time.
build() {
  local configuration=$1 project; shift
  log "building ($configuration) ..."
  for project in "$@"; do
    dotnet build -c "$configuration" "$ROOT/$project/$project.csproj" -nologo -v q >&2
  done
}

# The build output a node runs from: host_dll Api|Silo CONFIGURATION.
host_dll() { echo "$ROOT/$1/bin/$2/net10.0/Actors.$1.dll"; }

# start_node NAME DLL PORT [VAR=VALUE ...]: one node in the background, in its own session
# (setsid) so a Ctrl-C in this terminal reaches only the script, which then stops the nodes in
# order instead of every process racing on SIGINT. The node inherits the script's environment;
# the VAR=VALUE pairs win over it.
start_node() {
  local name=$1 dll=$2 port=$3; shift 3
  local url="http://127.0.0.1:$port" logf="$RUN/$name.log" pid
  port_free "$port" || die "port $port (for $name) is already in use${PORT_HINT:+; $PORT_HINT}"
  # The node's cwd is its output directory, so appsettings.json is found next to the dll.
  (cd "$(dirname "$dll")" && exec env "$@" ASPNETCORE_URLS="$url" \
    setsid dotnet "$dll" >"$logf" 2>&1 </dev/null) &
  pid=$!
  # Not a job of this shell: its exit (say, a kill -9 you did to watch the failover) is reported
  # by watch_nodes in one line, not by bash's job-control noise.
  disown "$pid"
  echo "$name $pid $url $logf" >>"$RUN/nodes"
}

# wait_ready [PREFIX]: polls /health/ready of each node whose name starts with PREFIX (all by
# default) until it answers 200; fails fast if a node exits.
wait_ready() {
  local name pid url logf deadline=$((SECONDS + READY_TIMEOUT))
  while read -r name pid url logf; do
    until curl -fsS -o /dev/null --max-time 5 "$url/health/ready" 2>/dev/null; do
      if ! kill -0 "$pid" 2>/dev/null; then
        log "$name exited before it was ready; last lines of $logf:"
        tail -n 30 "$logf" >&2 || true
        return 1
      fi
      if ((SECONDS >= deadline)); then
        log "$name not ready after ${READY_TIMEOUT}s; last lines of $logf:"
        tail -n 30 "$logf" >&2 || true
        return 1
      fi
      sleep 1
    done
    log "$name ready at $url"
  done < <(grep -E "^${1:-}" "$RUN/nodes")
}

# Every node of a foreground run; reports nodes that exit (a crash, or a kill -9 you did on
# purpose) without tearing the rest down.
watch_nodes() {
  local -A reported=()
  local name pid _
  while true; do
    while read -r name pid _; do
      if [[ -z ${reported[$name]:-} ]] && ! kill -0 "$pid" 2>/dev/null; then
        log "$name (pid $pid) has exited; see $RUN/$name.log"
        reported[$name]=1
      fi
    done <"$RUN/nodes"
    sleep 2
  done
}

# The postmaster's pid and log of a run's throwaway database, for the tables the scripts print.
postgres_pid() { head -n1 "$(cat "$RUN/postgres")/data/postmaster.pid"; }
postgres_log() { echo "$(cat "$RUN/postgres")/server.log"; }

# --- connection strings ------------------------------------------------------------------------

# The Npgsql connection string as a libpq conninfo for psql (only the usual keys are mapped;
# values are quoted, so a password may hold spaces or quotes).
libpq_conninfo() {
  local part key value out=() parts
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=${part%%=*} value=${part#*=}
    key=$(echo "$key" | tr -d '[:space:]') key=${key,,}
    value=${value//\\/\\\\} value=${value//\'/\\\'}
    case $key in
      host|server) out+=("host='$value'") ;;
      port) out+=("port='$value'") ;;
      username|userid|user) out+=("user='$value'") ;;
      password) out+=("password='$value'") ;;
      database|db) out+=("dbname='$value'") ;;
    esac
  done
  echo "${out[*]}"
}

# with_database CONNECTION_STRING NAME: the same Npgsql connection string for database NAME.
with_database() {
  local part key kept="" parts
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    key=$(echo "${part%%=*}" | tr -d '[:space:]') key=${key,,}
    case $key in
      ''|database|db|initialcatalog) ;;
      *) kept+="$part;" ;;
    esac
  done
  echo "${kept}Database=$2"
}

# psql from PATH or a PostgreSQL installation (tests/postgres.sh installs one under /usr/lib).
find_psql() {
  local p
  for p in "$(command -v psql 2>/dev/null)" /usr/lib/postgresql/*/bin/psql; do
    [[ -n $p && -x $p ]] && { echo "$p"; return; }
  done
  return 1
}
