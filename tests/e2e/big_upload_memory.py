#!/usr/bin/env python3
"""A large object goes through the API in bounded server memory (issue 4: 1 GiB in <= 64 MiB over idle).

Uploads TARN_BIG_SIZE bytes (default 1 GiB) of pseudo-random data with a known Content-Length, then reads them
back, while sampling the server's resident memory (TARN_SERVER_PID, from /proc) every 20 ms. Checks the MD5 both
ways and the peak RSS growth over the idle figure measured just before.
Environment as api_scenario.py, plus TARN_SERVER_PID (required) and TARN_BIG_SIZE.
"""
import hashlib
import os
import sys
import threading
import time
import uuid

import requests

ENDPOINT = os.environ.get("TARN_ENDPOINT", "http://127.0.0.1:8000").rstrip("/")
API = ENDPOINT + "/api/v1"
AUTH = (os.environ.get("TARN_ACCESS_KEY_ID", "AKIAIOSFOLQUICKSTART"),
        os.environ.get("TARN_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
SIZE = int(os.environ.get("TARN_BIG_SIZE", str(1 << 30)))
LIMIT_MIB = 64
PID = os.environ.get("TARN_SERVER_PID")


def rss_bytes():
    with open(f"/proc/{PID}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


class Sampler:
    """Peak RSS of the server while a transfer runs."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


class PatternBody:
    """SIZE bytes produced on the fly (a repeated random 1 MiB block), hashed as they are sent."""

    def __init__(self, size):
        self._left = size
        self._block = os.urandom(1 << 20)
        self._offset = 0
        self.md5 = hashlib.md5()

    def __len__(self):
        return self._left

    def read(self, n=-1):
        n = self._left if n is None or n < 0 else min(n, self._left)
        out = bytearray()
        while len(out) < n:
            take = min(n - len(out), len(self._block) - self._offset)
            out += self._block[self._offset:self._offset + take]
            self._offset = (self._offset + take) % len(self._block)
        self._left -= n
        self.md5.update(out)
        return bytes(out)


def main():
    if not PID:
        print("FAILED: TARN_SERVER_PID is not set")
        sys.exit(1)
    repo = "big-" + uuid.uuid4().hex[:12]
    r = requests.post(f"{API}/repositories", auth=AUTH, json={"name": repo, "storage_namespace": f"local://{repo}"}, timeout=60)
    if r.status_code != 201:
        print(f"FAILED: create repository: {r.status_code} {r.text}")
        sys.exit(1)

    time.sleep(1)
    idle = rss_bytes()
    body = PatternBody(SIZE)
    started = time.monotonic()
    with Sampler() as upload_peak:
        r = requests.post(f"{API}/repositories/{repo}/branches/main/objects", params={"path": "big.bin"}, auth=AUTH, data=body,
                          headers={"Content-Type": "application/octet-stream"}, timeout=600)
    upload_seconds = time.monotonic() - started
    if r.status_code != 201 or r.json()["checksum"] != body.md5.hexdigest() or r.json()["size_bytes"] != SIZE:
        print(f"FAILED: upload: {r.status_code} {r.text[:300]}")
        sys.exit(1)

    started = time.monotonic()
    read_md5 = hashlib.md5()
    with Sampler() as download_peak:
        with requests.get(f"{API}/repositories/{repo}/refs/main/objects", params={"path": "big.bin"}, auth=AUTH, stream=True, timeout=600) as r:
            for chunk in r.iter_content(1 << 20):
                read_md5.update(chunk)
    download_seconds = time.monotonic() - started
    requests.delete(f"{API}/repositories/{repo}", auth=AUTH, timeout=60)

    mib = 1 << 20
    growth = max(upload_peak.peak, download_peak.peak) - idle
    print(f"size {SIZE / mib:.0f} MiB; idle RSS {idle / mib:.1f} MiB; peak during upload {upload_peak.peak / mib:.1f} MiB "
          f"({SIZE / mib / upload_seconds:.0f} MiB/s), during download {download_peak.peak / mib:.1f} MiB "
          f"({SIZE / mib / download_seconds:.0f} MiB/s); growth {growth / mib:.1f} MiB (limit {LIMIT_MIB})")
    if read_md5.hexdigest() != body.md5.hexdigest():
        print("FAILED: the bytes read back differ from the bytes written")
        sys.exit(1)
    if growth > LIMIT_MIB * mib:
        print("FAILED: the server's memory grew beyond the limit")
        sys.exit(1)
    print("big upload: passed")


if __name__ == "__main__":
    main()
