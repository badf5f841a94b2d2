# Sourced by backup.sh and restore.sh: turns the platform's connection string (Npgsql's
# "Host=...;Port=...;Username=...;Password=...;Database=..." in ConnectionStrings__Postgres, the
# same setting the silos and API nodes read) into libpq's PG* variables, and finds pg_dump/pg_restore.

pg_connection_from_setting() {
  local setting=${ConnectionStrings__Postgres:-}
  if [[ -z $setting ]]; then
    echo "Set ConnectionStrings__Postgres (as for the silos), e.g. 'Host=db;Port=5432;Username=actors;Password=...;Database=actors'." >&2
    return 2
  fi
  local part key value
  IFS=';' read -ra parts <<<"$setting"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value=${part#*=}
    case $key in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      username|userid|user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
      database) export PGDATABASE=$value ;;
    esac
  done
}

# pg_dump and pg_restore: on PATH, or PostgreSQL's own bin folder (newest first).
pg_tool() {
  local tool=$1 dir
  if command -v "$tool" >/dev/null; then command -v "$tool"; return; fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    [[ -x $dir/$tool ]] && { echo "$dir/$tool"; return; }
  done
  echo "$tool not found: install PostgreSQL's client tools (apt-get install postgresql-client)." >&2
  return 2
}
