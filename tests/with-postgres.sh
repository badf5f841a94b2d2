# shellcheck shell=bash
# Sourced by tests/run.sh and tests/bench.sh: use the PostgreSQL in $ConnectionStrings__Postgres, or
# start a throwaway one (tests/postgres.sh) for this run and stop it on exit. Call from the repo root.

PG_DIR=""

stop_postgres() {
  [[ -z $PG_DIR ]] || tests/postgres.sh stop "$PG_DIR" || true
  PG_DIR=""
}

ensure_postgres() {
  [[ -z ${ConnectionStrings__Postgres:-} ]] || return 0
  PG_DIR=$(mktemp -d)
  trap stop_postgres EXIT
  trap "exit 130" INT TERM  # so the EXIT trap also runs when interrupted
  ConnectionStrings__Postgres=$(tests/postgres.sh start "$PG_DIR" | tail -n 1)
  export ConnectionStrings__Postgres
}
