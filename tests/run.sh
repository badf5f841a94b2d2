#!/usr/bin/env bash
# The project's test command: ./tests/run.sh [extra dotnet test args, e.g. --filter Name~Booking]
#
# Uses the PostgreSQL in $ConnectionStrings__Postgres, or starts a throwaway one for the run.
# Ends with one line "N passed, N failed, N skipped" and dotnet test's exit code (non-zero also
# when no test ran at all).
set -euo pipefail

# Sums the per-assembly counts in a dotnet test (VSTest console logger) log and prints
# "N passed, N failed, N skipped". Two formats exist, depending on the logger's verbosity:
#   minimal: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
#   normal:  "Total tests: 12" then lines "     Passed: 12", "     Failed: 1", "    Skipped: 2"
# The one-line form wins when present so nothing is counted twice. Blocks of assemblies run in
# parallel interleave, which does not matter for a sum. Colour codes are stripped first.
summarize() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /(Passed|Failed|Skipped)! +- +Failed: *[0-9]+, +Passed: *[0-9]+, +Skipped: *[0-9]+/ {
      line = 1
      match($0, /Failed: *[0-9]+,/);  lf += substr($0, RSTART + 7, RLENGTH - 8)
      match($0, /Passed: *[0-9]+,/);  lp += substr($0, RSTART + 7, RLENGTH - 8)
      match($0, /Skipped: *[0-9]+,/); ls += substr($0, RSTART + 8, RLENGTH - 9)
      next
    }
    /^[ \t]*Passed: *[0-9]+[ \t\r]*$/  { bp += $2 }
    /^[ \t]*Failed: *[0-9]+[ \t\r]*$/  { bf += $2 }
    /^[ \t]*Skipped: *[0-9]+[ \t\r]*$/ { bs += $2 }
    END {
      if (line) printf "%d passed, %d failed, %d skipped\n", lp, lf, ls
      else      printf "%d passed, %d failed, %d skipped\n", bp, bf, bs
    }'
}

# Browser tests drive Debian's Chromium (installed by .ci/run) and never skip: say plainly, before
# a long build, when it is missing. The npm packages come with the Api build (npm ci).
prepare_browser_tests() {
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [[ ! -x $chromium ]]; then
    echo "WARNING: no Chromium at $chromium: the browser tests will fail. Install it with 'apt-get install chromium' (.ci/run does)." >&2
  fi
  command -v npm >/dev/null || echo "WARNING: npm is missing: building Api needs it for the SignalR browser client." >&2
}

# Each failed test's name and the first lines of its message, from the console logger's report.
failures() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^  Failed [^ ]/ { shown = 0; printing = 1; print "FAILED:" substr($0, 9); next }
    printing && /^  Stack Trace:/ { printing = 0; next }
    printing && shown < 12 { print "  " $0; shown++ }'
}

# shellcheck source=tests/with-postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/with-postgres.sh"

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

  ensure_postgres

  prepare_browser_tests

  # .NET 10's "dotnet new sln" writes .slnx; accept either.
  local sln=Actors.sln
  [[ -f $sln ]] || sln=Actors.slnx

  local log_dir log rc summary
  log_dir=$(mktemp -d)
  log=$log_dir/dotnet-test.log
  set +e
  # --blame-hang-timeout: a test that waits forever ends its host (reported as aborted, below)
  # instead of hanging the whole run.
  dotnet test "$sln" -c Release --logger "console;verbosity=normal" --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e

  # Stop the server now rather than in the EXIT trap, so its messages come before the summary,
  # which must be the last line.
  stop_postgres
  summary=$(summarize "$log")
  # A test host that crashed or hung past its blame timeout reports no counts for what it did not
  # run: count each aborted run as a failure, so the summary never reads as a pass.
  local aborted
  aborted=$(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | grep -cE 'The active test run was aborted|Test Run Aborted' || true)
  if ((aborted > 0)); then
    echo "ERROR: $aborted test run(s) aborted" >&2
    summary=$(awk -v a="$aborted" '{ printf "%d passed, %d failed, %d skipped\n", $1, $3 + a, $5 }' <<<"$summary")
    ((rc != 0)) || rc=1
  fi
  # CI keeps only the end of the output: repeat each failure's name and message (not its stack) here.
  failures "$log" >&2
  echo "full log: $log; dotnet test exit code: $rc" >&2
  if [[ $summary == "0 passed, 0 failed, 0 skipped" ]]; then
    echo "ERROR: no test ran" >&2
    ((rc != 0)) || rc=1
  fi
  echo "$summary"
  exit "$rc"
}

# Run only when executed, so the summarize function can be sourced and tested on its own.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
