#!/usr/bin/env bash
# Starts the server exactly as README says (quickstart), with its data in a temporary folder, and checks
# that the quickstart admin can read itself back over HTTP. Exit code 0 means the smoke test passed.
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
