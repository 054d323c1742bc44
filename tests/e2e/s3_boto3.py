#!/usr/bin/env python3
"""Drives Tarn's S3 gateway with boto3 in its default configuration (checksums on).

Environment: TARN_ENDPOINT (e.g. http://127.0.0.1:8000), TARN_ACCESS_KEY_ID, TARN_SECRET_ACCESS_KEY.
Creates its own repository through the REST API, then checks put/get/head/list/copy/delete and a
20 MiB multipart upload through upload_file, comparing bytes read back with bytes written.
Prints one line per check; exits non-zero with a message on the first failure.
"""
import base64
import hashlib
import json
import os
import sys
import tempfile
import time
import uuid

import boto3
import urllib3
from botocore.exceptions import ClientError


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(name, condition, detail=""):
    if not condition:
        fail(f"{name} {detail}".strip())
    print(f"ok   {name}")


def env(name):
    value = os.environ.get(name)
    if not value:
        fail(f"environment variable {name} is not set")
    return value


def create_repository(endpoint, key_id, secret, name):
    http = urllib3.PoolManager(retries=False)
    auth = base64.b64encode(f"{key_id}:{secret}".encode()).decode()
    body = json.dumps({"name": name, "storage_namespace": f"local://{name}", "default_branch": "main"})
    response = http.request(
        "POST",
        f"{endpoint}/api/v1/repositories",
        body=body,
        headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
    )
    if response.status != 201:
        fail(f"creating repository {name}: HTTP {response.status} {response.data[:300]!r}")
    print(f"ok   create repository {name} through the API")


def error_code(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def timed(name, call, limit_seconds=5.0):
    started = time.monotonic()
    result = call()
    elapsed = time.monotonic() - started
    check(f"{name} ({elapsed:.2f} s)", elapsed < limit_seconds, f"took {elapsed:.1f} s, limit {limit_seconds} s")
    return result


def empty_then_full_on_one_connection(endpoint, key_id, secret, repo):
    """botocore sends Expect: 100-continue with every upload; an empty body, or an error decided before the
    body, gets no 100 Continue, and the next request on that connection used to stall for the read timeout
    (60 s). A short timeout and no retries make such a stall a failure here."""
    from botocore.config import Config
    client = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=key_id, aws_secret_access_key=secret, region_name="us-east-1",
        config=Config(read_timeout=15, retries={"max_attempts": 1}, max_pool_connections=1),
    )
    timed("put_object of an empty object", lambda: client.put_object(Bucket=repo, Key="main/empty/a", Body=b""))
    timed("put_object of a non-empty object right after it", lambda: client.put_object(Bucket=repo, Key="main/empty/b", Body=b"data"))
    timed("put_object to a missing branch is refused", lambda: check(
        "the missing branch is NoSuchBucket or NoSuchKey",
        error_code(lambda: client.put_object(Bucket=repo, Key="no-such-branch/x", Body=b"body")) is not None))
    timed("put_object after a refused upload", lambda: client.put_object(Bucket=repo, Key="main/empty/c", Body=b"more"))
    empty = timed("get_object of the empty object", lambda: client.get_object(Bucket=repo, Key="main/empty/a")["Body"].read())
    check("the empty object reads back empty", empty == b"")
    for key in ("main/empty/a", "main/empty/b", "main/empty/c"):
        client.delete_object(Bucket=repo, Key=key)


def main():
    endpoint = env("TARN_ENDPOINT").rstrip("/")
    key_id = env("TARN_ACCESS_KEY_ID")
    secret = env("TARN_SECRET_ACCESS_KEY")
    repo = "boto3-" + uuid.uuid4().hex[:12]
    create_repository(endpoint, key_id, secret, repo)

    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        region_name="us-east-1",
    )

    buckets = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    check("list_buckets shows the repository", repo in buckets)
    s3.head_bucket(Bucket=repo)
    print("ok   head_bucket")

    data = os.urandom(100_000)
    put = s3.put_object(Bucket=repo, Key="main/dir/object.bin", Body=data, ContentType="application/x-test",
                        Metadata={"origin": "boto3"})
    check("put_object ETag is the MD5", put["ETag"].strip('"') == hashlib.md5(data).hexdigest())

    got = s3.get_object(Bucket=repo, Key="main/dir/object.bin")
    check("get_object returns the bytes written", got["Body"].read() == data)
    check("get_object returns content type and metadata",
          got["ContentType"] == "application/x-test" and got["Metadata"].get("origin") == "boto3")

    head = s3.head_object(Bucket=repo, Key="main/dir/object.bin")
    check("head_object reports the size", head["ContentLength"] == len(data))

    ranged = s3.get_object(Bucket=repo, Key="main/dir/object.bin", Range="bytes=10-19")["Body"].read()
    check("ranged get_object", ranged == data[10:20])

    listing = s3.list_objects_v2(Bucket=repo, Prefix="main/", Delimiter="/")
    check("list_objects_v2 folds the directory", [p["Prefix"] for p in listing.get("CommonPrefixes", [])] == ["main/dir/"])
    top = s3.list_objects_v2(Bucket=repo, Delimiter="/")
    check("list_objects_v2 at the top level lists branches", [p["Prefix"] for p in top.get("CommonPrefixes", [])] == ["main/"])

    s3.copy_object(Bucket=repo, Key="main/copy/object.bin", CopySource={"Bucket": repo, "Key": "main/dir/object.bin"})
    copied = s3.get_object(Bucket=repo, Key="main/copy/object.bin")["Body"].read()
    check("copy_object copies the bytes", copied == data)

    check("get of a missing key is NoSuchKey", error_code(lambda: s3.get_object(Bucket=repo, Key="main/none")) == "NoSuchKey")

    s3.delete_object(Bucket=repo, Key="main/copy/object.bin")
    check("delete_object removes the key",
          error_code(lambda: s3.head_object(Bucket=repo, Key="main/copy/object.bin")) in ("404", "NoSuchKey"))

    big = os.urandom(20 * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "big.bin")
        target = os.path.join(folder, "big.out")
        with open(source, "wb") as file:
            file.write(big)
        s3.upload_file(source, repo, "main/big/object.bin")
        print("ok   upload_file of 20 MiB (multipart)")
        head = s3.head_object(Bucket=repo, Key="main/big/object.bin")
        check("multipart object has the full size", head["ContentLength"] == len(big))
        s3.download_file(repo, "main/big/object.bin", target)
        with open(target, "rb") as file:
            check("download_file returns the bytes uploaded", file.read() == big)

    empty_then_full_on_one_connection(endpoint, key_id, secret, repo)

    result = s3.delete_objects(Bucket=repo, Delete={"Objects": [{"Key": "main/dir/object.bin"}, {"Key": "main/big/object.bin"}]})
    check("delete_objects deletes both keys", len(result.get("Deleted", [])) == 2 and not result.get("Errors"))
    remaining = s3.list_objects_v2(Bucket=repo, Prefix="main/")
    check("nothing is left on the branch", remaining["KeyCount"] == 0)
    print("all boto3 checks passed")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as error:  # any client or connection error is a failed run, reported in one line
        fail(f"{type(error).__name__}: {error}")
