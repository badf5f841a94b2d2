#!/usr/bin/env bash
# A local cluster as plain processes: PostgreSQL, N grain-hosting silos and M API nodes (clients).
# No container engine needed.
#
#   deploy/cluster.sh [--silos N] [--apis M] [--base-port P] [--run-dir DIR] [--no-build] [--detach]
#   deploy/cluster.sh stop RUNDIR
#
#   --silos N      grain-hosting silos (Silo build output), health on P+101, P+102, ...  (default 3)
#   --apis M       API nodes, Cluster__HostsGrains=false, HTTP on P+1, P+2, ...            (default 2)
#   --base-port P  default 5000: APIs on 5001.., silos on 5101..
#   --run-dir DIR  where logs, pids and the throwaway database live (default: a new temp dir)
#   --no-build     reuse the existing Release build output
#   --detach       start everything, write the pids to RUNDIR, and exit; stop it with
#                  `deploy/cluster.sh stop RUNDIR`
#
# Without --detach it stays in the foreground until Ctrl-C, then stops the nodes with SIGTERM (the
# graceful path: each silo leaves the membership table and deactivates its grains) and then the
# database. PostgreSQL is a throwaway one from tests/postgres.sh unless ConnectionStrings__Postgres
# is set, in which case that database is used and left running.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# The build outputs the nodes run from (Release, see build()).
SILO_DLL=$ROOT/Silo/bin/Release/net10.0/Actors.Silo.dll
API_DLL=$ROOT/Api/bin/Release/net10.0/Actors.Api.dll

# A node must answer /health/ready within this many seconds. Generous: on a busy 2-core machine
# a cold .NET start plus the schema migration can take a while.
READY_TIMEOUT=${READY_TIMEOUT:-180}
# How long stop waits for a node to finish its graceful shutdown before SIGKILL. The host gives
# its hosted services 30 s by default (grain deactivation itself is capped at Silo__DeactivationTimeout).
STOP_TIMEOUT=${STOP_TIMEOUT:-45}

log() { echo "cluster.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# --- process bookkeeping ---------------------------------------------------------------------
# RUN/nodes has one line per node: "name pid url log". RUN/postgres exists when we started the
# database ourselves (it holds the directory to hand back to tests/postgres.sh stop).

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

port_free() { ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# Builds the two hosts only: the test projects are not needed to run a cluster, and on a small
# machine they are most of the build time. Building Api builds Silo too (project reference), but
# Silo is built on its own as well so its runtimeconfig/deps files are certainly there.
build() {
  log "building (Release) ..."
  dotnet build -c Release "$ROOT/Silo/Silo.csproj" -nologo -v q >&2
  dotnet build -c Release "$ROOT/Api/Api.csproj" -nologo -v q >&2
}

# start_node NAME DLL PORT [VAR=VALUE ...]: one node in the background, in its own session
# (setsid) so a Ctrl-C in this terminal reaches only this script, which then stops the nodes in
# order instead of every process racing on SIGINT.
start_node() {
  local name=$1 dll=$2 port=$3; shift 3
  local url="http://127.0.0.1:$port" logf="$RUN/$name.log" pid
  port_free "$port" || die "port $port (for $name) is already in use; pick another --base-port"
  # The node's cwd is its output directory, so appsettings.json is found next to the dll.
  (cd "$(dirname "$dll")" && exec env "$@" ASPNETCORE_URLS="$url" \
    setsid dotnet "$dll" >"$logf" 2>&1 </dev/null) &
  pid=$!
  # Not a job of this shell: its exit (say, a kill -9 you did to watch the failover) is reported
  # by watch_nodes in one line, not by bash's job-control noise.
  disown "$pid"
  echo "$name $pid $url $logf" >>"$RUN/nodes"
}

# Polls each node's /health/ready until it answers 200; fails fast if a node exits.
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
  done < <(grep -E "^$1" "$RUN/nodes")
}

# The Npgsql connection string as a libpq conninfo for psql (only the usual keys are mapped).
libpq_conninfo() {
  local part key value out=()
  IFS=';' read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    key=${part%%=*} value=${part#*=}
    case ${key,,} in
      host|server) out+=("host=$value") ;;
      port) out+=("port=$value") ;;
      username|user\ id|userid|user) out+=("user=$value") ;;
      password) out+=("password=$value") ;;
      database) out+=("dbname=$value") ;;
    esac
  done
  echo "${out[*]}"
}

print_table() {
  local name pid url logf
  printf '\n%-8s %-8s %-24s %s\n' NODE PID URL LOG
  while read -r name pid url logf; do
    printf '%-8s %-8s %-24s %s\n' "$name" "$pid" "$url" "$logf"
  done <"$RUN/nodes"
  if [[ -f $RUN/postgres ]]; then
    printf '%-8s %-8s %-24s %s\n' postgres "$(head -n1 "$(cat "$RUN/postgres")/data/postmaster.pid")" \
      "(throwaway)" "$(cat "$RUN/postgres")/server.log"
  fi
  echo
  echo "database:  $ConnectionStrings__Postgres"
  echo "membership: psql \"$(libpq_conninfo "$ConnectionStrings__Postgres")\" -c 'SELECT silo_id, status, hosts_grains FROM silos'"
  echo "run dir:   $RUN"
}

# Every node of a foreground run; reports nodes that exit (a crash, or a kill -9 you did on
# purpose) without tearing the rest down, since watching the cluster survive that is the point.
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

main() {
  local silos=3 apis=2 base=5000 run="" do_build=1 detach=0
  if [[ ${1:-} == stop ]]; then
    [[ -n ${2:-} && -d $2 ]] || die "usage: $0 stop RUNDIR (an existing run directory)"
    stop_all "$(cd "$2" && pwd)"
    return
  fi
  while (($#)); do
    case $1 in
      --silos) silos=${2:?}; shift 2 ;;
      --apis) apis=${2:?}; shift 2 ;;
      --base-port) base=${2:?}; shift 2 ;;
      --run-dir) run=${2:?}; shift 2 ;;
      --no-build) do_build=0; shift ;;
      --detach) detach=1; shift ;;
      -h|--help) usage ;;
      *) log "unknown option: $1"; usage ;;
    esac
  done
  [[ $silos =~ ^[0-9]+$ && $apis =~ ^[0-9]+$ && $base =~ ^[0-9]+$ ]] || die "--silos, --apis, --base-port take numbers"
  ((silos >= 1)) || die "--silos must be at least 1: API nodes are clients and host no grains"
  ((silos <= 99)) || die "--silos must be below 100 (silo ports start at base+101)"

  if [[ -z $run ]]; then
    run=$(mktemp -d "${TMPDIR:-/tmp}/actors-cluster.XXXXXX")
  fi
  mkdir -p "$run"
  RUN=$(cd "$run" && pwd)
  # The throwaway PostgreSQL runs as the postgres OS user when we are root: it must be able to
  # enter this directory to reach its own files below it.
  chmod 755 "$RUN"
  : >"$RUN/nodes"

  # From here on, any failure or interrupt stops whatever was started (unless we detached).
  DETACHED=0
  trap 'if ((DETACHED == 0)); then stop_all "$RUN"; fi' EXIT
  trap 'echo >&2; exit 130' INT TERM

  ((do_build)) && build
  [[ -f $SILO_DLL && -f $API_DLL ]] || die "no build output ($SILO_DLL, $API_DLL); run without --no-build"

  if [[ -z ${ConnectionStrings__Postgres:-} ]]; then
    echo "$RUN/pg" >"$RUN/postgres"
    ConnectionStrings__Postgres=$("$ROOT/tests/postgres.sh" start "$RUN/pg" | tail -n 1)
  else
    log "using the database in ConnectionStrings__Postgres (it is left running at the end)"
  fi
  export ConnectionStrings__Postgres

  # Silos first: an API node is only a client, it needs grain-hosting silos to route calls to.
  # Silo-to-silo ports are left at 0 (a free one each): they are published in the membership table.
  local i
  for ((i = 1; i <= silos; i++)); do
    start_node "silo$i" "$SILO_DLL" $((base + 100 + i))
  done
  wait_ready silo
  # Every API node signs and checks tokens with one key; a fresh random one per run unless given.
  local signing_key=${Auth__SigningKey:-$(head -c 36 /dev/urandom | base64 | tr -d '\n')}
  for ((i = 1; i <= apis; i++)); do
    start_node "api$i" "$API_DLL" $((base + i)) Cluster__HostsGrains=false Auth__SigningKey="$signing_key"
  done
  ((apis == 0)) || wait_ready api

  print_table
  if ((detach)); then
    # shellcheck disable=SC2034  # read by the EXIT trap
    DETACHED=1
    echo "detached; stop with: deploy/cluster.sh stop $RUN"
    return
  fi
  echo "running; Ctrl-C stops the nodes (SIGTERM), then the database"
  watch_nodes
}

main "$@"
