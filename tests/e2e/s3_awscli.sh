#!/usr/bin/env bash
# Drives Tarn's S3 gateway with the AWS CLI: a 64 MiB `aws s3 cp` up, server-side and back down, `aws s3 ls`,
# `aws s3 sync` of a small folder tree up and back, and `aws s3 rm --recursive`, comparing bytes.
# Environment: TARN_ENDPOINT (e.g. http://127.0.0.1:8000), TARN_ACCESS_KEY_ID, TARN_SECRET_ACCESS_KEY.
# Creates its own repository through the REST API first. Prints one line per check.
set -euo pipefail

: "${TARN_ENDPOINT:?TARN_ENDPOINT is not set}"
: "${TARN_ACCESS_KEY_ID:?TARN_ACCESS_KEY_ID is not set}"
: "${TARN_SECRET_ACCESS_KEY:?TARN_SECRET_ACCESS_KEY is not set}"

endpoint="${TARN_ENDPOINT%/}"
export AWS_ACCESS_KEY_ID="$TARN_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$TARN_SECRET_ACCESS_KEY"
export AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
# Keep the caller's ~/.aws out of the run.
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

repo="awscli-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }
s3() { aws --endpoint-url "$endpoint" s3 "$@"; }

status=$(curl -sS -o "$work/create.json" -w '%{http_code}' -u "$TARN_ACCESS_KEY_ID:$TARN_SECRET_ACCESS_KEY" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"$repo\",\"storage_namespace\":\"local://$repo\",\"default_branch\":\"main\"}" \
  "$endpoint/api/v1/repositories")
[ "$status" = 201 ] || fail "creating repository $repo: HTTP $status $(head -c 300 "$work/create.json")"
ok "create repository $repo through the API"

head -c $((64 * 1024 * 1024)) /dev/urandom > "$work/big.bin"
s3 cp --only-show-errors "$work/big.bin" "s3://$repo/main/big/big.bin" || fail "aws s3 cp up"
ok "aws s3 cp of 64 MiB up"
s3 cp --only-show-errors "s3://$repo/main/big/big.bin" "$work/big.out" || fail "aws s3 cp down"
cmp -s "$work/big.bin" "$work/big.out" || fail "the 64 MiB file read back differs"
ok "aws s3 cp down returns the same bytes"

# Above the CLI's multipart threshold a server-side copy is CreateMultipartUpload + UploadPartCopy + Complete.
s3 cp --only-show-errors "s3://$repo/main/big/big.bin" "s3://$repo/main/copy/big.bin" || fail "aws s3 cp server-side copy"
s3 cp --only-show-errors "s3://$repo/main/copy/big.bin" "$work/copy.out" || fail "aws s3 cp down of the copy"
cmp -s "$work/big.bin" "$work/copy.out" || fail "the server-side copy differs"
ok "aws s3 cp server-side copy (multipart copy) keeps the bytes"

listing=$(s3 ls "s3://$repo/main/big/") || fail "aws s3 ls"
grep -q "67108864 big.bin" <<<"$listing" || fail "aws s3 ls does not show big.bin with its size: $listing"
ok "aws s3 ls shows the object and its size"
buckets=$(s3 ls) || fail "aws s3 ls of the buckets"
grep -q " $repo\$" <<<"$buckets" || fail "aws s3 ls does not list the repository"
ok "aws s3 ls lists the repository as a bucket"

# A tree of 11 files, 6 of them empty: an empty upload gets no "100 Continue", which once made the CLI stall
# for its 60 s read timeout on the next request of that connection. The sync must run at full speed.
mkdir -p "$work/tree/a/b" "$work/tree/c" "$work/tree/d"
echo "one" > "$work/tree/one.txt"
echo "two" > "$work/tree/a/two.txt"
head -c 100000 /dev/urandom > "$work/tree/a/b/three.bin"
echo "four" > "$work/tree/c/four.txt"
echo "five" > "$work/tree/d/five.txt"
: > "$work/tree/c/empty.txt"
for i in 1 2 3 4 5; do : > "$work/tree/d/empty-$i"; done
started=$(date +%s)
s3 sync --only-show-errors "$work/tree" "s3://$repo/main/tree" || fail "aws s3 sync up"
elapsed=$(( $(date +%s) - started ))
[ "$elapsed" -lt 20 ] || fail "aws s3 sync of 11 small files (6 empty) took $elapsed s"
ok "aws s3 sync of a folder tree with empty files up ($elapsed s)"
# The same with one request at a time, so every connection is reused after an empty upload.
printf '[default]\ns3 =\n    max_concurrent_requests = 1\n' > "$work/sequential.cfg"
started=$(date +%s)
AWS_CONFIG_FILE="$work/sequential.cfg" s3 sync --only-show-errors "$work/tree" "s3://$repo/main/tree-sequential" \
  || fail "aws s3 sync up, one request at a time"
elapsed=$(( $(date +%s) - started ))
[ "$elapsed" -lt 20 ] || fail "aws s3 sync of 11 small files (6 empty), one request at a time, took $elapsed s"
ok "aws s3 sync of the same tree one request at a time ($elapsed s)"
s3 sync --only-show-errors "s3://$repo/main/tree" "$work/tree-back" || fail "aws s3 sync down"
diff -r "$work/tree" "$work/tree-back" > /dev/null || fail "the tree synced back differs"
ok "aws s3 sync down returns the same tree"

s3 rm --only-show-errors --recursive "s3://$repo/main/" || fail "aws s3 rm --recursive"
left=$(s3 ls --recursive "s3://$repo/main/" || true)
[ -z "$left" ] || fail "objects left after rm --recursive: $left"
ok "aws s3 rm --recursive empties the branch"
echo "all AWS CLI checks passed"
