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

# The functions that start, wait for, watch and stop nodes, shared with deploy/products.sh.
# shellcheck source=deploy/lib/nodes.sh
source "$ROOT/deploy/lib/nodes.sh"
PORT_HINT="pick another --base-port"

# The build outputs the nodes run from (Release, see main()).
SILO_DLL=$(host_dll Silo Release)
API_DLL=$(host_dll Api Release)

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

print_table() {
  local name pid url logf
  printf '\n%-8s %-8s %-24s %s\n' NODE PID URL LOG
  while read -r name pid url logf; do
    printf '%-8s %-8s %-24s %s\n' "$name" "$pid" "$url" "$logf"
  done <"$RUN/nodes"
  if [[ -f $RUN/postgres ]]; then
    printf '%-8s %-8s %-24s %s\n' postgres "$(postgres_pid)" "(throwaway)" "$(postgres_log)"
  fi
  echo
  echo "database:  $ConnectionStrings__Postgres"
  echo "membership: psql \"$(libpq_conninfo "$ConnectionStrings__Postgres")\" -c 'SELECT address, port, proxy_port, status, silo_name FROM orleans_membership ORDER BY start_time'"
  echo "run dir:   $RUN"
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

  new_run_dir "$run" actors-cluster

  # From here on, any failure or interrupt stops whatever was started (unless we detached).
  DETACHED=0
  trap 'if ((DETACHED == 0)); then stop_all "$RUN"; fi' EXIT
  trap 'echo >&2; exit 130' INT TERM

  ((do_build)) && build Release Silo Api
  [[ -f $SILO_DLL && -f $API_DLL ]] || die "no build output ($SILO_DLL, $API_DLL); run without --no-build"

  if [[ -z ${ConnectionStrings__Postgres:-} ]]; then
    ConnectionStrings__Postgres=$(start_postgres)
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
