#!/usr/bin/env bash
# Several products side by side on one machine, from the same build: one API process per product
# profile (deploy/products/*.env), each with its own database, HTTP port, product name and signing
# key. Nothing is shared between them but the PostgreSQL server (each has its own database on it).
#
#   deploy/products.sh [--configuration C] [--run-dir DIR] [--no-build] [--detach] [PROFILE...]
#   deploy/products.sh stop RUNDIR
#
#   PROFILE            a profile's name (bestays means deploy/products/bestays.env) or the path of
#                      an .env file; default: every deploy/products/*.env
#   --configuration C  which build to run (and build): Release (default) or Debug
#   --run-dir DIR      where logs, pids and the throwaway database live (default: a new temp dir)
#   --no-build         reuse the existing build output
#   --detach           start everything, write the pids to RUNDIR, and exit; stop it with
#                      `deploy/products.sh stop RUNDIR`
#
# Environment:
#   POSTGRES_SERVER           Npgsql connection string of a PostgreSQL server, without Database
#                             (if it names one, that is only where CREATE DATABASE is run from).
#                             Each product's database is created on it when missing, and left
#                             there. Default: a throwaway server (tests/postgres.sh), stopped with
#                             the products.
#   PRODUCTS_DATABASE_PREFIX  put before every product's database name (say, t_1234_ for a test)
#   NAME_PORT, NAME_DATABASE, NAME_SIGNING_KEY, NAME_OPERATIONS_KEY
#                             per-product overrides of HTTP_PORT, DATABASE, Auth__SigningKey and
#                             Operations__Key; NAME is the profile's name in capitals
#                             (BESTAYS_PORT=6301). A signing key set nowhere is generated for the
#                             run; an operations key set nowhere leaves the operator endpoints shut.
#
# Without --detach it stays in the foreground until Ctrl-C, then stops the products (SIGTERM, the
# graceful path) and then the throwaway database.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
PROFILES_DIR=$ROOT/deploy/products
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# The functions that start, wait for, watch and stop nodes, shared with deploy/cluster.sh.
# shellcheck source=deploy/lib/nodes.sh
source "$ROOT/deploy/lib/nodes.sh"
PORT_HINT="set NAME_PORT (BESTAYS_PORT, ...) to another, or stop what holds it"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# --- profiles ----------------------------------------------------------------------------------
# What load_profile learned, by profile name, in the order given.
PROFILES=()
declare -A PROFILE_FILE=() PRODUCT=() DATABASE=() PORT=() SETTINGS=() KEY_FROM=()

# The profile name as the prefix of its override variables: bestays -> BESTAYS, my-shop -> MY_SHOP.
override_prefix() {
  local upper=${1^^}
  echo "${upper//[^A-Z0-9]/_}"
}

# load_profile NAME FILE: reads a profile, applies the environment's overrides, and records it.
# A profile is KEY=VALUE lines (the format of a compose env_file): DATABASE and HTTP_PORT are for
# this script, every other key is passed to the product's process as an environment variable.
load_profile() {
  local name=$1 file=$2 line n=0 key value prefix var
  local database="" port="" signing_key="" operations_key="" product="Actors Stays"
  local settings=()
  [[ -f $file ]] || die "no profile $file (profiles: $(list_profiles | paste -sd ' '))"
  [[ -z ${PROFILE_FILE[$name]:-} ]] || die "profile $name given twice"
  local pair='^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$' quoted='^"(.*)"$|^'\''(.*)'\''$'
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line =~ $pair ]] || die "$file:$n: not a KEY=VALUE line: $line"
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    # One pair of quotes around a value is dropped, as compose does; nothing else is interpreted.
    [[ $value =~ $quoted ]] && value=${BASH_REMATCH[1]}${BASH_REMATCH[2]}
    case $key in
      DATABASE) database=$value ;;
      HTTP_PORT) port=$value ;;
      Auth__SigningKey) signing_key=$value ;;
      Operations__Key) operations_key=$value ;;
      ConnectionStrings__Postgres | ASPNETCORE_URLS | ASPNETCORE_HTTP_PORTS | URLS)
        die "$file:$n: $key is set by the script (from DATABASE and HTTP_PORT)" ;;
      *)
        [[ $key == Product__Name ]] && product=$value
        settings+=("$key=$value") ;;
    esac
  done <"$file"

  prefix=$(override_prefix "$name")
  var=${prefix}_DATABASE; database=${!var:-$database}
  var=${prefix}_PORT; port=${!var:-$port}
  database=${PRODUCTS_DATABASE_PREFIX:-}$database
  [[ $database =~ ^[a-z_][a-z0-9_]{0,62}$ ]] ||
    die "$name: database '$database' must be lower-case letters, digits and _ (at most 63), starting with a letter or _"
  if ! [[ $port =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then
    die "$name: HTTP_PORT '$port' is not a port number"
  fi

  var=${prefix}_SIGNING_KEY
  if [[ -n ${!var:-} ]]; then
    signing_key=${!var}
    KEY_FROM[$name]="from \$$var"
  elif [[ -n $signing_key ]]; then
    KEY_FROM[$name]="from the profile"
  else
    # 32 random bytes: enough for HMAC-SHA256. Tokens it signed die with the run.
    signing_key=$(head -c 32 /dev/urandom | base64 -w0)
    KEY_FROM[$name]="generated for this run"
  fi
  settings+=("Auth__SigningKey=$signing_key")

  # The operator credential (dead letters, metrics, the cluster dashboard): only ever passed on when given.
  var=${prefix}_OPERATIONS_KEY
  operations_key=${!var:-$operations_key}
  [[ -z $operations_key ]] || settings+=("Operations__Key=$operations_key")

  PROFILES+=("$name")
  PROFILE_FILE[$name]=$file
  PRODUCT[$name]=$product
  DATABASE[$name]=$database
  PORT[$name]=$port
  SETTINGS[$name]=$(printf '%s\n' "${settings[@]}")
}

list_profiles() {
  local file
  for file in "$PROFILES_DIR"/*.env; do
    [[ -f $file ]] && basename "$file" .env
  done
}

# Side by side means nothing shared: no two products on one database or one port, and every port
# free before anything starts.
check_profiles() {
  local name other
  for name in "${PROFILES[@]}"; do
    for other in "${PROFILES[@]}"; do
      [[ $name < $other ]] || continue
      [[ ${DATABASE[$name]} != "${DATABASE[$other]}" ]] ||
        die "$name and $other would share the database ${DATABASE[$name]}"
      [[ ${PORT[$name]} != "${PORT[$other]}" ]] || die "$name and $other would share the port ${PORT[$name]}"
    done
    port_free "${PORT[$name]}" ||
      die "port ${PORT[$name]} (for $name) is already in use; set $(override_prefix "$name")_PORT to another, or stop what holds it"
  done
}

# --- the database server -----------------------------------------------------------------------

# create_database SERVER NAME: creates the database NAME on the server unless it exists.
create_database() {
  local server=$1 database=$2 psql conninfo
  psql=$(find_psql) || die "psql not found: install the PostgreSQL client (postgresql-client)"
  conninfo=$(libpq_conninfo "$server")
  [[ $conninfo == *dbname=* ]] || conninfo+=" dbname='postgres'"
  if [[ $("$psql" "$conninfo" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$database'") == 1 ]]; then
    log "database $database exists; using it"
  else
    # The name is checked in load_profile: lower-case letters, digits and _ only.
    "$psql" "$conninfo" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $database" >&2
    log "created database $database"
  fi
}

# --- running -----------------------------------------------------------------------------------

print_table() {
  local server=$1 name pid url logf
  local -A pids=()
  while read -r name pid _; do pids[$name]=$pid; done <"$RUN/nodes"
  printf '\n%-14s %-12s %-8s %-24s %-26s %s\n' PRODUCT PROFILE PID URL DATABASE LOG
  for name in "${PROFILES[@]}"; do
    url="http://127.0.0.1:${PORT[$name]}" logf="$RUN/$name.log"
    printf '%-14s %-12s %-8s %-24s %-26s %s\n' "${PRODUCT[$name]}" "$name" "${pids[$name]}" "$url" \
      "${DATABASE[$name]}" "$logf"
  done
  if [[ -f $RUN/postgres ]]; then
    printf '%-14s %-12s %-8s %-24s %-26s %s\n' postgres "" "$(postgres_pid)" "(throwaway)" "" "$(postgres_log)"
  fi
  echo
  for name in "${PROFILES[@]}"; do
    echo "$name: ${PROFILE_FILE[$name]}, signing key ${KEY_FROM[$name]}"
  done
  echo "server:  $server"
  echo "psql:    psql \"$(libpq_conninfo "$(with_database "$server" "${DATABASE[${PROFILES[0]}]}")")\""
  echo "run dir: $RUN"
}

main() {
  local configuration=Release run="" do_build=1 detach=0 names=() name file
  if [[ ${1:-} == stop ]]; then
    [[ -n ${2:-} && -d $2 ]] || die "usage: $0 stop RUNDIR (an existing run directory)"
    stop_all "$(cd "$2" && pwd)"
    return
  fi
  while (($#)); do
    case $1 in
      --configuration | -c) configuration=${2:?}; shift 2 ;;
      --run-dir) run=${2:?}; shift 2 ;;
      --no-build) do_build=0; shift ;;
      --detach) detach=1; shift ;;
      -h | --help) usage ;;
      -*) log "unknown option: $1"; usage ;;
      *) names+=("$1"); shift ;;
    esac
  done
  [[ $configuration =~ ^(Release|Debug)$ ]] || die "--configuration is Release or Debug"
  ((${#names[@]})) || mapfile -t names < <(list_profiles)
  ((${#names[@]})) || die "no profiles in $PROFILES_DIR"

  for name in "${names[@]}"; do
    if [[ $name == */* || $name == *.env ]]; then
      file=$name name=$(basename "$name" .env)
    else
      file=$PROFILES_DIR/$name.env
    fi
    load_profile "$name" "$file"
  done
  check_profiles

  new_run_dir "$run" actors-products
  # From here on, any failure or interrupt stops whatever was started (unless we detached).
  DETACHED=0
  trap 'if ((DETACHED == 0)); then stop_all "$RUN"; fi' EXIT
  trap 'echo >&2; exit 130' INT TERM

  # One build serves every product: a product is configuration, not code.
  ((do_build)) && build "$configuration" Api
  local api_dll
  api_dll=$(host_dll Api "$configuration")
  [[ -f $api_dll ]] || die "no build output $api_dll; run without --no-build"

  local server
  if [[ -n ${POSTGRES_SERVER:-} ]]; then
    server=$POSTGRES_SERVER
    log "using the server in POSTGRES_SERVER (it and the databases are left there at the end)"
  else
    server=$(start_postgres)
  fi
  for name in "${PROFILES[@]}"; do
    create_database "$server" "${DATABASE[$name]}"
  done

  # Each product is an API node co-hosting its silo, with its own database: it joins only the
  # cluster recorded there, so products never see each other's grains or members.
  local settings
  for name in "${PROFILES[@]}"; do
    mapfile -t settings <<<"${SETTINGS[$name]}"
    start_node "$name" "$api_dll" "${PORT[$name]}" "${settings[@]}" \
      ConnectionStrings__Postgres="$(with_database "$server" "${DATABASE[$name]}")"
  done
  wait_ready ""

  print_table "$server"
  if ((detach)); then
    # shellcheck disable=SC2034  # read by the EXIT trap
    DETACHED=1
    echo "detached; stop with: deploy/products.sh stop $RUN"
    return
  fi
  echo "running; Ctrl-C stops the products (SIGTERM), then the database"
  watch_nodes
}

main "$@"
