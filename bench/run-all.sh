#!/usr/bin/env bash
# Runs every Tarn.Load scenario once, with its same-run baselines, and writes one JSON result (plus the text
# report) per scenario into a folder. Each scenario starts its own Tarn server in a temporary folder.
#
#   bench/run-all.sh [--full] [OUT_DIR] [-- EXTRA FLAGS FOR EVERY SCENARIO]
#
# Default: --smoke sizes in a Debug build, seconds per scenario (what CI runs so the tool never rots).
# --full: the scenarios' real default sizes (1 GiB for big-get/big-put) in a Release build, plus T6's commit
# on a generated 10M-object branch and T5's single-client listing, then docs/performance.md's end-to-end table is rewritten from the results
# (bench/report.py); takes a few minutes.
# OUT_DIR defaults to $TMPDIR/tarn-load-<UTC timestamp>. Exit code 0 when every scenario ran without failures;
# a scenario whose only failures are 501 answers is reported "not available" and does not fail the script.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

size=--smoke
config=Debug
if [ "${1:-}" = "--full" ]; then size=""; config=Release; shift; fi
out="${TMPDIR:-/tmp}/tarn-load-$(date -u +%Y%m%dT%H%M%SZ)"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then out=$1; shift; fi
[ "${1:-}" = "--" ] && shift
mkdir -p "$out"

# One build (the tool and the tarn server it starts); the runs then use the built files directly.
if ! dotnet build bench/Tarn.Load -c "$config" -v q -nologo >"$out/build.log" 2>&1; then
  cat "$out/build.log"; echo "run-all: build failed"; exit 1
fi
tool="bench/Tarn.Load/bin/$config/net10.0/Tarn.Load.dll"

passed=0; failed=0; unavailable=0
summary="$out/summary.txt"
: >"$summary"
for scenario in $(dotnet "$tool" scenarios | cut -f1); do
  echo "=== $scenario ($(date -u +%H:%M:%S))"
  dotnet "$tool" "$scenario" $size --with-baseline --json "$out/$scenario.json" "$@" >"$out/$scenario.txt" 2>&1
  rc=$?
  # The report proper starts at the "==" line; the lines before it are progress.
  sed -n '/^== /,$p' "$out/$scenario.txt"
  case $rc in
    0) passed=$((passed + 1)); echo "$scenario: ok" >>"$summary" ;;
    3) unavailable=$((unavailable + 1)); echo "$scenario: not available (501)" >>"$summary" ;;
    *) failed=$((failed + 1)); echo "$scenario: FAILED (exit $rc)" >>"$summary"; tail -5 "$out/$scenario.txt" ;;
  esac
done
if [ -z "$size" ]; then
  # T6 as the issue states it: one committer, one change per commit, on a 10M-object branch (generated).
  echo "=== commit on 10M objects ($(date -u +%H:%M:%S))"
  if dotnet "$tool" commit --generate --repo-size 10000000 --parallelism 1 --amount 60 --json "$out/commit-10m.json" "$@" >"$out/commit-10m.txt" 2>&1; then
    sed -n '/^== /,$p' "$out/commit-10m.txt"; echo "commit-10m: ok" >>"$summary"; passed=$((passed + 1))
  else
    tail -5 "$out/commit-10m.txt"; echo "commit-10m: FAILED" >>"$summary"; failed=$((failed + 1))
  fi
  # T5 is a latency target: one client listing 1,000 common prefixes.
  echo "=== list with one client ($(date -u +%H:%M:%S))"
  if dotnet "$tool" list --parallelism 1 --amount 300 --json "$out/list-1.json" "$@" >"$out/list-1.txt" 2>&1; then
    sed -n '/^== /,$p' "$out/list-1.txt"; echo "list-1: ok" >>"$summary"; passed=$((passed + 1))
  else
    tail -5 "$out/list-1.txt"; echo "list-1: FAILED" >>"$summary"; failed=$((failed + 1))
  fi
  # docs/performance.md's end-to-end table is rendered from exactly this run.
  python3 bench/report.py "$out"
fi
echo
cat "$summary"
echo "run-all: $passed ok, $unavailable not available, $failed failed; results in $out"
[ "$failed" -eq 0 ]
