#!/usr/bin/env python3
"""End-to-end scenario against a running Tarn server, using only `requests` (issue 4).

create repo -> upload -> list -> commit -> branch -> change -> diff -> merge -> tag -> log -> get by tag,
plus a presigned staging upload and bad input. Every JSON answer is checked against the schema the lakeFS
OpenAPI document gives for that operation: required fields present, JSON types right.

Environment: TARN_ENDPOINT (http://127.0.0.1:8000), TARN_ACCESS_KEY_ID, TARN_SECRET_ACCESS_KEY,
TARN_LAKEFS_SPEC (the OpenAPI file; default ../shared/reference/lakefs-api-v1.12.1.yml from the repository root;
required when CI=true). Exit status 0 when every check passed.
"""
import hashlib
import os
import sys
import uuid

import requests
import yaml

ENDPOINT = os.environ.get("TARN_ENDPOINT", "http://127.0.0.1:8000").rstrip("/")
API = ENDPOINT + "/api/v1"
AUTH = (os.environ.get("TARN_ACCESS_KEY_ID", "AKIAIOSFOLQUICKSTART"),
        os.environ.get("TARN_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC_PATH = os.environ.get("TARN_LAKEFS_SPEC", os.path.join(ROOT, "..", "shared", "reference", "lakefs-api-v1.12.1.yml"))

checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        print(f"FAILED: {what}")
        sys.exit(1)
    print(f"ok: {what}")


class Schemas:
    """Required fields and JSON types of the OpenAPI component schemas."""

    TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict, "array": list}

    def __init__(self, path):
        self.components = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                self.components = yaml.safe_load(f)["components"]["schemas"]
        elif os.environ.get("CI") == "true":
            print(f"FAILED: the lakeFS OpenAPI document is missing at {path}")
            sys.exit(1)
        else:
            print(f"note: {path} not found; schema checks skipped")

    def validate(self, value, name):
        if self.components is not None:
            problems = []
            self._walk(value, {"$ref": f"#/components/schemas/{name}"}, name, problems)
            check(not problems, f"{name} matches its schema" + (": " + "; ".join(problems) if problems else ""))
        return value

    def _walk(self, value, schema, where, problems):
        while "$ref" in schema:
            schema = self.components[schema["$ref"].split("/")[-1]]
        for part in schema.get("allOf", []):
            self._walk(value, part, where, problems)
        if value is None:
            if not schema.get("nullable", False) and "type" in schema:
                problems.append(f"{where} is null")
            return
        expected = self.TYPES.get(schema.get("type"))
        if expected and (not isinstance(value, expected) or (expected is int and isinstance(value, bool))):
            problems.append(f"{where} should be {schema['type']}, is {type(value).__name__}")
            return
        if isinstance(value, dict):
            for field in schema.get("required", []):
                if field not in value:
                    problems.append(f"{where}.{field} is required but missing")
            for field, sub in schema.get("properties", {}).items():
                if field in value:
                    self._walk(value[field], sub, f"{where}.{field}", problems)
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                self._walk(item, schema["items"], f"{where}[{i}]", problems)


def call(method, path, status, schema=None, **kwargs):
    response = requests.request(method, API + path, auth=AUTH, timeout=60, **kwargs)
    check(response.status_code == status, f"{method} {path.split('?')[0]} -> {status} (got {response.status_code} {response.text[:200]})")
    if schema:
        return schemas.validate(response.json(), schema)
    return response


def upload(repo, branch, path, data, content_type="application/octet-stream"):
    return call("POST", f"/repositories/{repo}/branches/{branch}/objects", 201, "ObjectStats",
                params={"path": path}, data=data, headers={"Content-Type": content_type})


schemas = Schemas(SPEC_PATH)


def scenario():
    repo = "e2e-" + uuid.uuid4().hex[:12]
    created = call("POST", "/repositories", 201, "Repository",
                   json={"name": repo, "storage_namespace": f"local://{repo}", "default_branch": "main"})
    check(created["id"] == repo and created["default_branch"] == "main", "repository answers its id and default branch")

    one = os.urandom(300_000)
    stats = upload(repo, "main", "data/one.bin", one)
    check(stats["checksum"] == hashlib.md5(one).hexdigest() and stats["size_bytes"] == len(one), "upload reports md5 and size")
    form = call("POST", f"/repositories/{repo}/branches/main/objects", 201, "ObjectStats", params={"path": "data/form.csv"},
                files={"content": ("form.csv", b"a,b\n1,2\n", "text/csv")})
    check(form["content_type"] == "text/csv", "multipart form upload keeps the part's content type")
    odd = upload(repo, "main", "../odd/ name with spaces é", b"odd")
    check(f"/{repo}/data/" in odd["physical_address"], "a path with ../ is a key: its data still lands inside the namespace")

    listing = call("GET", f"/repositories/{repo}/refs/main/objects/ls", 200, "ObjectStatsList", params={"delimiter": "/", "amount": 1})
    check(listing["pagination"]["has_more"] and listing["results"][0]["path"] == "../", "listing pages with delimiters")

    commit = call("POST", f"/repositories/{repo}/branches/main/commits", 201, "Commit", json={"message": "first", "metadata": {"k": "v"}})
    check(commit["message"] == "first" and commit["metadata"] == {"k": "v"}, "commit keeps message and metadata")
    call("GET", f"/repositories/{repo}/commits/{commit['id']}", 200, "Commit")

    branch = call("POST", f"/repositories/{repo}/branches", 201, json={"name": "feature", "source": "main"})
    check(branch.text == commit["id"], "createBranch answers the bare commit ID")
    call("GET", f"/repositories/{repo}/branches/feature", 200, "Ref")
    call("GET", f"/repositories/{repo}/branches", 200, "RefList")

    two = os.urandom(1000)
    upload(repo, "feature", "data/two.bin", two)
    call("DELETE", f"/repositories/{repo}/branches/feature/objects", 204, params={"path": "data/form.csv"})
    uncommitted = call("GET", f"/repositories/{repo}/branches/feature/diff", 200, "DiffList")
    check(sorted((d["path"], d["type"]) for d in uncommitted["results"]) == [("data/form.csv", "removed"), ("data/two.bin", "added")],
          "uncommitted diff shows the added and removed objects")
    call("POST", f"/repositories/{repo}/branches/feature/commits", 201, "Commit", json={"message": "change"})
    diff = call("GET", f"/repositories/{repo}/refs/main/diff/feature", 200, "DiffList", params={"type": "three_dot"})
    check(len(diff["results"]) == 2, "three-dot diff between refs shows both changes")

    merged = call("POST", f"/repositories/{repo}/refs/feature/merge/main", 200, "MergeResult", json={"message": "merge feature"})
    check(len(merged["reference"]) == 64, "merge answers the merge commit ID")

    tag = call("POST", f"/repositories/{repo}/tags", 201, "Ref", json={"id": "v1", "ref": "main"})
    check(tag["commit_id"] == merged["reference"], "tag points at the merge commit")
    call("GET", f"/repositories/{repo}/tags", 200, "RefList")

    log = call("GET", f"/repositories/{repo}/refs/main/commits", 200, "CommitList")
    check([c["message"] for c in log["results"]][:3] == ["merge feature", "change", "first"], "log lists newest first")

    by_tag = requests.get(f"{API}/repositories/{repo}/refs/v1/objects", params={"path": "data/two.bin"}, auth=AUTH, timeout=60)
    check(by_tag.status_code == 200 and by_tag.content == two, "object read by tag equals the bytes written")
    ranged = requests.get(f"{API}/repositories/{repo}/refs/v1/objects", params={"path": "data/one.bin"}, auth=AUTH,
                          headers={"Range": "bytes=-10"}, timeout=60)
    check(ranged.status_code == 206 and ranged.content == one[-10:], "suffix range returns the last bytes")
    call("GET", f"/repositories/{repo}/refs/v1/objects/stat", 200, "ObjectStats", params={"path": "data/one.bin"})

    upload_as_the_lakefs_wrapper_decides(repo)
    presigned_staging(repo)
    bad_input(repo)
    call("DELETE", f"/repositories/{repo}", 204)


def upload_as_the_lakefs_wrapper_decides(repo):
    """The Python lakefs package presigns its uploads whenever /config/storage says pre_sign_support, and its
    presigned path breaks on local storage; lakeFS says false there, so it takes the plain upload. Tarn must
    say the same, and still serve presigned URLs to a client that asks (presigned_staging below)."""
    storage = call("GET", "/config/storage", 200, "StorageConfig")
    check(storage["pre_sign_support"] is False and storage["pre_sign_support_ui"] is False,
          "local storage advertises no presigning, as lakeFS (so the lakefs wrapper uploads directly)")
    data = os.urandom(3000)
    upload(repo, "main", "wrapper/plain.bin", data)
    got = requests.get(f"{API}/repositories/{repo}/refs/main/objects", params={"path": "wrapper/plain.bin"}, auth=AUTH, timeout=60)
    check(got.status_code == 200 and got.content == data, "the wrapper's plain upload path stores the bytes")


def presigned_staging(repo):
    location = call("GET", f"/repositories/{repo}/branches/main/staging/backing", 200, "StagingLocation",
                    params={"path": "staged/file", "presign": "true"})
    data = os.urandom(5000)
    put = requests.put(location["presigned_url"], data=data, timeout=60)
    check(put.status_code == 200, "PUT to the presigned staging URL needs no credentials")
    linked = call("PUT", f"/repositories/{repo}/branches/main/staging/backing", 200, "ObjectStats", params={"path": "staged/file"},
                  json={"staging": {"physical_address": location["physical_address"]}, "checksum": put.headers["ETag"], "size_bytes": len(data)})
    check(linked["checksum"] == hashlib.md5(data).hexdigest(), "linked object keeps the ETag as checksum")
    redirect = requests.get(f"{API}/repositories/{repo}/refs/main/objects", params={"path": "staged/file", "presign": "true"},
                            auth=AUTH, allow_redirects=False, timeout=60)
    check(redirect.status_code == 302, "getObject with presign redirects")
    check(requests.get(redirect.headers["Location"], timeout=60).content == data, "the presigned GET URL returns the linked bytes")


def bad_input(repo):
    bad = requests.post(f"{API}/repositories", auth=AUTH, data="{not json", headers={"Content-Type": "application/json"}, timeout=60)
    check(bad.status_code == 400 and "message" in bad.json(), "malformed JSON is a 400 with a message")
    call("POST", "/repositories", 400, "Error", json={"name": "Bad_Name!", "storage_namespace": "local://x"})
    call("POST", "/repositories", 400, "Error", json={"name": 42, "storage_namespace": "local://x"})
    call("GET", f"/repositories/{repo}/refs/no-such-ref/objects/ls", 404, "Error")
    call("GET", f"/repositories/{repo}/branches", 400, "Error", params={"amount": 1001})
    nul = requests.post(f"{API}/repositories/{repo}/branches/main/objects", params={"path": "a\x00b"}, data=b"x", auth=AUTH, timeout=60)
    check(nul.status_code == 400 and "message" in nul.json(), "a NUL in a path is a 400")
    missing = requests.get(f"{API}/repositories/{repo}/refs/main/objects/stat", params={"path": "a\x00b"}, auth=AUTH, timeout=60)
    check(missing.status_code in (400, 404), "nothing was stored for the refused path")


if __name__ == "__main__":
    scenario()
    print(f"api scenario: {checks} checks passed")
