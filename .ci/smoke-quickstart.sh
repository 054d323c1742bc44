#!/usr/bin/env bash
# Starts the server exactly as README says (quickstart), with its data in a temporary HOME, and checks
# that the quickstart admin can read itself back over HTTP. Exit code 0 means the smoke test passed.
set -uo pipefail
cd "$(dirname "$0")/.."
home=$(mktemp -d)
log="$home/server.log"
HOME="$home" dotnet run --project src/Tarn.Server -- run --quickstart >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 120); do
  curl -fsS http://127.0.0.1:8000/_health >/dev/null 2>&1 && break
  sleep 0.5
done
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
