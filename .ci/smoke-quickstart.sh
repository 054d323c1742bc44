#!/usr/bin/env bash
# Starts the server exactly as README says (quickstart), with its data in a temporary folder, checks that
# the quickstart admin can read itself back over HTTP, then runs every end-to-end client script of
# tests/e2e (Python with requests/boto3, the AWS CLI) against it. Prints one "e2e <name>: passed|FAILED"
# line per script and writes them to $E2E_RESULTS when set. Exit code 0 means everything passed, 1 that
# the smoke check failed, 2 that an end-to-end script failed.
# (The data folder is moved with LAKEFS_* variables, not HOME: a fresh HOME would make dotnet run
# restore every NuGet package again.)
set -uo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
log="$data/server.log"
# Build first so the wait below measures start-up, not compilation (dotnet run then finds it up to date).
dotnet build src/Tarn.Server -v q -nologo >/dev/null
LAKEFS_DATABASE_LOCAL_PATH="$data/metadata" LAKEFS_BLOCKSTORE_LOCAL_PATH="$data/block" \
  dotnet run --project src/Tarn.Server -- run --quickstart >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
started=$(date +%s.%N)
for _ in $(seq 1 600); do
  curl -fsS http://127.0.0.1:8000/_health >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.2
done
echo "ready after $(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $started}") s (including dotnet run's up-to-date check)"
body=$(curl -fsS -u 'AKIAIOSFOLQUICKSTART:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' http://127.0.0.1:8000/api/v1/user)
echo "GET /api/v1/user -> $body"
bad=$(curl -s -o /dev/null -w '%{http_code}' -u 'AKIAIOSFOLQUICKSTART:wrong' http://127.0.0.1:8000/api/v1/user)
echo "GET /api/v1/user with a wrong secret -> $bad"
if [[ "$body" == *'"id":"quickstart"'* && "$bad" == "401" ]]; then
  echo "smoke: passed"
else
  echo "smoke: FAILED; server log:"; cat "$log"
  exit 1
fi

# The server process itself (dotnet run's child), whose memory the big-upload check samples.
export TARN_SERVER_PID=$(pgrep -P $pid | head -1)
export TARN_ENDPOINT=http://127.0.0.1:8000 TARN_ACCESS_KEY_ID=AKIAIOSFOLQUICKSTART
export TARN_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' TARN_BLOCKSTORE_DIR="$data/block"
failed=0
for script in tests/e2e/*.py tests/e2e/*.sh; do
  [ -e "$script" ] || continue
  name=$(basename "$script")
  echo; echo "--- e2e $name"
  case "$script" in
    *.py) timeout 900 python3 "$script"; rc=$? ;;
    *) timeout 900 bash "$script"; rc=$? ;;
  esac
  if [ $rc -eq 0 ]; then result="e2e $name: passed"; else result="e2e $name: FAILED (exit $rc)"; failed=1; fi
  echo "$result"
  [ -n "${E2E_RESULTS:-}" ] && echo "$result" >>"$E2E_RESULTS"
done
if [ $failed -ne 0 ]; then
  echo "server log (last 50 lines):"; tail -50 "$log"
  exit 2  # the smoke check itself passed; 2 tells .ci/run that only end-to-end scripts failed
fi
