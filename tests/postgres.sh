#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for tests.
#
#   tests/postgres.sh start <dir>   start a server whose files all live in <dir>; the LAST line
#                                   printed on stdout is its Npgsql connection string
#   tests/postgres.sh stop <dir>    kill it (immediate mode) and remove <dir>
#
# Everything except the connection string goes to stderr, so callers can use $(... | tail -n1).
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Directory holding initdb, pg_ctl, postgres and psql; prefers version 15.
find_bin() {
  local d p
  for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/psql ]] && { echo "$d"; return; }
  done
  # Fall back to PATH; resolve symlinks (e.g. /usr/local/bin/pg_ctl) to the real bin dir.
  p=$(command -v pg_ctl 2>/dev/null) || return 1
  d=$(dirname "$(readlink -f "$p")")
  [[ -x $d/initdb && -x $d/postgres && -x $d/psql ]] && echo "$d"
}

install_postgres() {
  log "PostgreSQL binaries not found; installing postgresql-15 with apt"
  ((EUID == 0)) || die "not root: install postgresql-15 (with contrib) yourself"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  # postgresql-common first, so we can tell it not to create (and start) the system "main"
  # cluster when postgresql-15 is installed: we never use it, it would only hold port 5432.
  apt-get install -y postgresql-common >&2
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main-cluster.conf
  # Debian 12's postgresql-15 includes contrib (btree_gist).
  apt-get install -y postgresql-15 >&2
}

# A TCP port nobody listens on. A random start spreads concurrent callers apart; start()
# retries on a bind failure anyway, since the check and the bind are not atomic.
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 30000))
    if ! ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then echo "$port"; return; fi
  done
  die "no free TCP port found"
}

# initdb refuses to run as root, so as root the server runs as the postgres OS user;
# anyone else runs it as themselves.
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  local dir=$1 bin port locale conn
  bin=$(find_bin) || { install_postgres; bin=$(find_bin) || die "no PostgreSQL binaries after install"; }
  log "using $bin ($("$bin/postgres" --version))"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  mkdir -p "$dir/data" "$dir/sock"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postgresql \
      --shell /bin/bash postgres
    chown -R postgres: "$dir"
  fi
  as_pg test -w "$dir" || die "user postgres cannot write to $dir (is a parent directory private?)"

  locale=C
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && locale=C.UTF-8
  # cd: the postgres user may not be allowed into the caller's working directory.
  (cd "$dir" && as_pg "$bin/initdb" -D "$dir/data" --auth=trust -U postgres --encoding=UTF8 \
    --locale="$locale" >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  # fsync/full_page_writes off: tests kill -9 application processes, never the OS, and what a
  # committed transaction wrote to the OS page cache survives any process crash. Much faster.
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- tests/postgres.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 300
shared_buffers = 256MB
fsync = off
synchronous_commit = on
full_page_writes = off
EOF

  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    log "starting on port $port (attempt $attempt), log: $dir/server.log"
    if (cd "$dir" && as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" \
        -w -t 60 start >&2); then
      break
    fi
    # Only a port clash is worth another try; anything else is a real failure.
    if ! grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log"; then
      port=""; break
    fi
    port=""
  done
  if [[ -z $port ]] || ! "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -Atqc 'select 1' >/dev/null; then
    log "server did not start; last lines of $dir/server.log:"
    tail -n 30 "$dir/server.log" >&2 || true
    die "PostgreSQL failed to start in $dir"
  fi

  # Trust auth ignores passwords, but set one so "Password=postgres" is also right elsewhere.
  "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -Atq -v ON_ERROR_STOP=1 >&2 <<'SQL'
ALTER USER postgres PASSWORD 'postgres';
SQL
  "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -Atqc \
    "select 1 from pg_available_extensions where name = 'btree_gist'" | grep -q 1 \
    || die "extension btree_gist is not available (install PostgreSQL contrib)"

  conn="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
  echo "$conn" >"$dir/connection-string"
  log "ready: $conn"
  echo "$conn"
}

# Whether pid is a live postgres for this data dir (not a zombie or a reused pid).
is_our_postmaster() {
  [[ -n $1 ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$2"
}

stop() {
  local dir=$1 bin pid
  [[ -d $dir ]] || { log "$dir does not exist; nothing to stop"; return 0; }
  pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  if is_our_postmaster "$pid" "$dir/data"; then
    bin=$(find_bin) || die "no PostgreSQL binaries"
    if ! (cd "$dir" && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >&2) &&
        is_our_postmaster "$pid" "$dir/data"; then
      kill -9 "$pid" || true  # last resort; its children notice and exit
      sleep 1
    fi
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-} ${2:+x}" in
  "start x") start "$2" ;;
  "stop x") stop "$2" ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
