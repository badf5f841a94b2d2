#!/usr/bin/env bash
# The project's benchmark command: ./tests/bench.sh [--quick] [more Actors.Benchmarks arguments]
#
# Builds in Release (the benchmark, Api and Silo), uses the PostgreSQL in $ConnectionStrings__Postgres
# or starts a throwaway one, and runs every scenario: the platform next to the conventional baseline
# (tests/Benchmarks/Baseline), measured in the same run; some start Api, Silo and baseline nodes as
# processes. Prints Markdown tables on stdout and writes artifacts/bench/results.json. Default run
# about 6 minutes, --quick about 1 minute, --filter NAME[,NAME] for some scenarios; `--help` lists all.
set -euo pipefail

# shellcheck source=tests/with-postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/with-postgres.sh"

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

  # Build first: a compile error should not cost a database start.
  dotnet build tests/Benchmarks/Benchmarks.csproj -c Release -v quiet -nologo >&2

  ensure_postgres

  # The program bounds itself (13 minutes); timeout is the backstop if it ever hangs.
  timeout --signal=INT --kill-after=30 810 \
    dotnet tests/Benchmarks/bin/Release/net10.0/Actors.Benchmarks.dll "$@"
}

main "$@"
