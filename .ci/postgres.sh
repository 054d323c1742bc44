#!/usr/bin/env bash
# Starts PostgreSQL on 127.0.0.1:5432 for the test suite (installing it from Debian's packages when
# missing), makes sure role and database "tarn" exist, and prints the Npgsql connection string as the
# last line. Idempotent: safe to run when the server is already up.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null
fi
version=$(pg_lsclusters -h | awk 'NR==1{print $1}')
cluster=$(pg_lsclusters -h | awk 'NR==1{print $2}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tarn') THEN
    CREATE ROLE tarn LOGIN PASSWORD 'tarn' CREATEDB;
  END IF;
END $$;
SELECT 'CREATE DATABASE tarn OWNER tarn' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'tarn')\gexec
SQL
PGPASSWORD=tarn psql -h 127.0.0.1 -U tarn -d tarn -tAc 'select 1' >/dev/null
echo "Host=127.0.0.1;Port=5432;Username=tarn;Password=tarn;Database=tarn"
