#!/usr/bin/env python3
"""The server gives memory back after a burst of mixed load (issue 12, item 10: <= 300 MiB within 30 s).

Twelve clients run for TARN_LOAD_SECONDS (default 30) against one repository: uploads of 4 KiB and 1 MiB through
the API and the S3 gateway, reads by commit ID, listings of a folder tree, commits, and 64 MiB downloads. Then
the script samples the server's resident memory (TARN_SERVER_PID, from /proc) every second for 30 s and passes
when it reaches TARN_MEMORY_LIMIT_MIB (default 300) in that time. Prints the idle, peak and final figures and the
operations each client kind completed (every operation must succeed).
Environment as api_scenario.py, plus TARN_SERVER_PID (required).
"""
import os
import random
import sys
import threading
import time
import uuid

import boto3
import requests
from botocore.config import Config

ENDPOINT = os.environ.get("TARN_ENDPOINT", "http://127.0.0.1:8000").rstrip("/")
API = ENDPOINT + "/api/v1"
KEY = os.environ.get("TARN_ACCESS_KEY_ID", "AKIAIOSFOLQUICKSTART")
SECRET = os.environ.get("TARN_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
AUTH = (KEY, SECRET)
PID = os.environ.get("TARN_SERVER_PID")
SECONDS = float(os.environ.get("TARN_LOAD_SECONDS", "30"))
LIMIT_MIB = int(os.environ.get("TARN_MEMORY_LIMIT_MIB", "300"))


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def rss_mib():
    with open(f"/proc/{PID}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    raise RuntimeError("no VmRSS")


def expect(response, status):
    if response.status_code != status:
        raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code} {response.text[:200]}")
    return response


def upload(session, repo, branch, path, data):
    expect(session.post(f"{API}/repositories/{repo}/branches/{branch}/objects", params={"path": path}, data=data,
                        headers={"Content-Type": "application/octet-stream"}), 201)


def main():
    if not PID:
        fail("TARN_SERVER_PID is not set")
    repo = "memory-" + uuid.uuid4().hex[:10]
    setup = requests.Session()
    setup.auth = AUTH
    expect(setup.post(f"{API}/repositories", json={"name": repo, "storage_namespace": f"local://{repo}"}), 201)
    for i in range(300):
        upload(setup, repo, "main", f"tree/{i % 30}/file-{i}", os.urandom(4096))
    big = os.urandom(1 << 20) * 64
    upload(setup, repo, "main", "big/object.bin", big)
    commit = expect(setup.post(f"{API}/repositories/{repo}/branches/main/commits", json={"message": "data"}), 201).json()["id"]
    idle = rss_mib()
    print(f"idle RSS before the load: {idle} MiB")

    deadline = time.monotonic() + SECONDS
    counts = {}
    errors = []
    lock = threading.Lock()

    def client(kind, work):
        session = requests.Session()
        session.auth = AUTH
        n = 0
        try:
            while time.monotonic() < deadline:
                work(session, n)
                n += 1
        except Exception as error:  # any failure is reported, and fails the run
            errors.append(f"{kind}: {error}")
        with lock:
            counts[kind] = counts.get(kind, 0) + n

    def small_write(session, n):
        upload(session, repo, "main", f"writes/{uuid.uuid4().hex}", os.urandom(4096))

    def large_write(session, n):
        upload(session, repo, "main", f"large/{uuid.uuid4().hex}", os.urandom(1 << 20))

    def read(session, n):
        expect(session.get(f"{API}/repositories/{repo}/refs/{commit}/objects", params={"path": f"tree/{n % 300 % 30}/file-{n % 300}"}), 200)

    def listing(session, n):
        expect(session.get(f"{API}/repositories/{repo}/refs/main/objects/ls", params={"prefix": "tree/", "delimiter": "/"}), 200)

    def big_read(session, n):
        got = expect(session.get(f"{API}/repositories/{repo}/refs/{commit}/objects", params={"path": "big/object.bin"}), 200)
        if len(got.content) != len(big):
            raise RuntimeError("short big read")

    def committer(session, n):
        branch = f"c{threading.get_ident() % 100000}"
        if n == 0:
            expect(session.post(f"{API}/repositories/{repo}/branches", json={"name": branch, "source": "main"}), 201)
        upload(session, repo, branch, f"c/{n}", os.urandom(4096))
        expect(session.post(f"{API}/repositories/{repo}/branches/{branch}/commits", json={"message": f"c{n}"}), 201)

    s3 = boto3.client("s3", endpoint_url=ENDPOINT, aws_access_key_id=KEY, aws_secret_access_key=SECRET,
                      region_name="us-east-1", config=Config(max_pool_connections=4, retries={"max_attempts": 1}))

    def s3_write(session, n):
        s3.put_object(Bucket=repo, Key=f"main/s3/{uuid.uuid4().hex}", Body=os.urandom(random.choice([4096, 1 << 20])))

    kinds = [("small-write", small_write)] * 2 + [("large-write", large_write)] * 2 + [("read", read)] * 2 \
        + [("list", listing), ("big-read", big_read), ("commit", committer), ("commit", committer)] + [("s3-write", s3_write)] * 2
    threads = [threading.Thread(target=client, args=kind) for kind in kinds]
    peak = idle
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        peak = max(peak, rss_mib())
        time.sleep(0.2)
    if errors:
        fail("; ".join(errors[:5]))
    print("operations: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"peak RSS during {SECONDS:.0f} s of load by {len(threads)} clients: {peak} MiB")

    for second in range(1, 31):
        time.sleep(1)
        now = rss_mib()
        if now <= LIMIT_MIB:
            print(f"ok   RSS {now} MiB <= {LIMIT_MIB} MiB {second} s after the load")
            return
    fail(f"RSS still {rss_mib()} MiB 30 s after the load (limit {LIMIT_MIB} MiB)")


if __name__ == "__main__":
    main()
