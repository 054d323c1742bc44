namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Requests of every gateway operation as a legitimate client could send them — with hostile keys, odd
/// parameters and headers — for the writer to sign correctly. Nothing here names a sentinel, a canary or a
/// <c>refused/</c> path (<see cref="FuzzTargets.MayWriterName"/>); everything else is fair game.
/// </summary>
internal static class WriterRequests
{
    private static readonly string[] OddRepositories = ["no-such-repo", "A", "a_b", new('r', 70), "..", "%2e%2e", "-x", "x.", "repo%00"];
    private static readonly string[] OddRefs = ["no-such-branch", "main~1", "main^", "HEAD", "@", "..", "0123abc", "keep-tag", "main$", "a:b", "%ff"];

    /// <summary>One unsigned request and its name; the caller signs it.</summary>
    public static (RawHttpRequest Request, string Name) Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Random.Next(22) switch
        {
            0 or 1 or 2 => Read(c, "GET"),
            3 or 4 => Read(c, "HEAD"),
            5 or 6 or 7 => Put(c),
            8 => (c.Request("DELETE", Garnish.Query(c, ObjectTarget(c))), "delete-object"),
            9 => Copy(c),
            10 or 11 => List(c),
            12 => Bucket(c),
            13 => (c.Request("POST", Garnish.Query(c, ObjectTarget(c) + "?uploads")), "create-upload"),
            14 => Part(c),
            15 => Complete(c),
            16 => Abort(c),
            17 => (c.Request("GET", UploadTarget(c, c.Pick(c.Targets.OpenUploads)) + $"&max-parts={Garnish.Number(c, 2)}&part-number-marker={Garnish.Number(c, 0)}"), "list-parts"),
            18 => DeleteMany(c),
            19 => Unsupported(c),
            20 => Odd(c),
            _ => (c.Request("GET", Garnish.Query(c, "/")), "list-buckets"),
        };
    }

    /// <summary>
    /// A raw object target <c>/repo/ref/path</c>: mostly the writer's own paths on <c>fuzz-repo</c>, sometimes
    /// dot segments in the sentinel repository, odd repositories and refs, undecodable paths.
    /// </summary>
    public static string ObjectTarget(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var roll = c.Random.Next(100);
        if (roll < 12)
        {
            var sentinel = c.Pick(c.Targets.SentinelPaths);
            var reference = c.Pick<string>(["main", FuzzTargets.SentinelBranch, FuzzTargets.SentinelTag]);
            var raw = c.Chance(70)
                ? ObjectKeys.DotSegmentsTo(c.Random, FuzzTargets.SentinelRepository, reference, sentinel)
                : ObjectKeys.DotSegmentsUp(c.Random, reference);
            return Safe(c, FuzzTargets.SentinelRepository, raw);
        }

        var repository = roll < 16 ? c.Pick(OddRepositories) : FuzzTargets.FuzzRepository;
        var reference2 = roll is >= 16 and < 20 ? c.Pick(OddRefs) : "main";
        var path = roll switch
        {
            < 24 => ObjectKeys.Undecodable(c.Random),
            < 30 => ObjectKeys.DotSegmentsUp(c.Random, "x")[2..],
            < 55 => ObjectKeys.Encode(c.Random, c.Pick(c.Targets.SeedPaths)),
            _ => ObjectKeys.Encode(c.Random, c.FuzzPath()),
        };
        return Safe(c, repository, reference2 + "/" + path);
    }

    /// <summary>The target of an open upload: its path and id, sometimes with the id, path or branch wrong.</summary>
    public static string UploadTarget(CaseContext c, OpenUpload upload)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(upload);
        var uploadId = c.Random.Next(10) switch
        {
            0 => "bogus",
            1 => "",
            2 => new string('f', 5000),
            3 => "..%2F..%2Fx",
            4 => upload.UploadId + "&uploadId=other",
            5 => upload.UploadId.ToUpperInvariant(),
            _ => upload.UploadId,
        };
        var path = c.Chance(10) ? c.FuzzPath() : upload.Path;
        return $"/{FuzzTargets.FuzzRepository}/main/{ObjectKeys.Encode(c.Random, path)}?uploadId={uploadId}";
    }

    private static (RawHttpRequest, string) Read(CaseContext c, string method)
    {
        var request = c.Request(method, Garnish.Query(c, ObjectTarget(c)));
        Garnish.ReadHeaders(c, request);
        return (request, method == "GET" ? "get-object" : "head-object");
    }

    private static (RawHttpRequest, string) Put(CaseContext c)
    {
        var request = c.Request("PUT", Garnish.Query(c, ObjectTarget(c)));
        request.Body = c.Chance(3) ? c.Bytes(300_000) : c.Bytes(2048);
        Garnish.WriteHeaders(c, request);
        Garnish.Digests(c, request, request.Body);
        return (request, "put-object");
    }

    private static (RawHttpRequest, string) Copy(CaseContext c)
    {
        var request = c.Request("PUT", Garnish.Query(c, $"/{FuzzTargets.FuzzRepository}/main/{ObjectKeys.Encode(c.Random, c.FuzzPath())}"));
        var seed = ObjectKeys.Encode(c.Random, c.Pick(c.Targets.SeedPaths));
        var source = c.Random.Next(12) switch
        {
            0 => "",
            1 => "garbage",
            2 => "/" + FuzzTargets.FuzzRepository,
            3 => $"/{FuzzTargets.FuzzRepository}/main/",
            4 => $"/{FuzzTargets.SentinelRepository}/" + ObjectKeys.DotSegmentsTo(c.Random, FuzzTargets.SentinelRepository, "main", c.Pick(c.Targets.SentinelPaths)),
            5 => "%ff%fe/%c0%af",
            6 => "/no-such-repo/main/x",
            7 => "/" + new string('s', 5000),
            8 => $"{FuzzTargets.FuzzRepository}/main/{seed}?versionId=x",
            9 => $"/{FuzzTargets.FuzzRepository}/no-such-branch/{seed}",
            _ => $"/{FuzzTargets.FuzzRepository}/main/{seed}",
        };
        if (CopySourceNamesSentinel(c, source))
        {
            source = "garbage";
        }

        request.Headers.Add(("x-amz-copy-source", source));
        if (c.Chance(30))
        {
            request.Headers.Add(("x-amz-metadata-directive", c.Pick<string>(["REPLACE", "COPY", "nonsense"])));
        }

        if (c.Chance(10))
        {
            request.Headers.Add((c.Pick<string>(["x-amz-copy-source-if-match", "x-amz-copy-source-if-modified-since"]), c.Pick(Garnish.Dates)));
        }

        return (request, "copy-object");
    }

    private static (RawHttpRequest, string) List(CaseContext c)
    {
        var parameters = new List<string>();
        if (c.Chance(70))
        {
            parameters.Add("list-type=" + c.Pick<string>(["2", "2", "1", "3", "", "two"]));
        }

        void Maybe(string name, params string[] values)
        {
            if (c.Chance(40))
            {
                parameters.Add(name + "=" + c.Pick(values));
            }
        }

        Maybe("prefix", "", "main", "main/", "main/fuzz/", "ma", "main/%2e%2e/", "%ff", "..%2F", "no-such-branch/", "main~1/", "keep-tag/");
        Maybe("delimiter", "/", "", "%2F", "x", "//", "%00");
        Maybe("max-keys", Garnish.Number(c, 2), "5000", "10001");
        Maybe("continuation-token", "main/fuzz/a", "garbage", "", "other/x", "%ff");
        Maybe("start-after", "main/fuzz/z", "main", "x");
        Maybe("marker", "main/fuzz/a", "garbage", "");
        Maybe("encoding-type", "url", "base64");
        Maybe("fetch-owner", "true");
        var repository = c.Chance(20) ? FuzzTargets.SentinelRepository : c.Chance(5) ? c.Pick(OddRepositories) : FuzzTargets.FuzzRepository;
        var query = parameters.Count == 0 ? "" : "?" + string.Join('&', parameters);
        return (c.Request("GET", Garnish.Query(c, "/" + repository + query)), "list-objects");
    }

    private static (RawHttpRequest, string) Bucket(CaseContext c)
    {
        var repository = c.Chance(70) ? FuzzTargets.FuzzRepository : c.Chance(50) ? FuzzTargets.SentinelRepository : c.Pick(OddRepositories);
        var (method, query) = c.Random.Next(10) switch
        {
            0 => ("GET", "?location"),
            1 => ("GET", "?versioning"),
            2 => ("GET", "?" + c.Pick<string>(["acl", "policy", "cors", "versions", "lifecycle", "events"])),
            3 => ("HEAD", ""),
            4 => ("PUT", ""),
            5 => ("PUT", "?" + c.Pick<string>(["versioning", "acl", "tagging", "cors"])),
            6 => ("DELETE", ""),
            7 => ("POST", ""),
            8 => ("GET", "?uploads" + c.Pick<string>(["", "&prefix=main/", "&max-uploads=0", "&max-uploads=-1", "&key-marker=main/x&upload-id-marker=y", "&delimiter=/"])),
            _ => ("GET", "/"),
        };
        var request = c.Request(method, Garnish.Query(c, "/" + repository + query));
        if (method == "PUT" && c.Chance(50))
        {
            request.Body = "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"u8.ToArray();
        }

        return (request, "bucket-" + method.ToLowerInvariant());
    }

    private static (RawHttpRequest, string) Part(CaseContext c)
    {
        var upload = c.Pick(c.Targets.OpenUploads);
        var request = c.Request("PUT", UploadTarget(c, upload) + "&partNumber=" + Garnish.Number(c, c.Random.Next(1, 4)));
        if (c.Chance(25))
        {
            request.Headers.Add(("x-amz-copy-source", $"/{FuzzTargets.FuzzRepository}/main/{ObjectKeys.Encode(c.Random, c.Pick(c.Targets.SeedPaths))}"));
            if (c.Chance(60))
            {
                request.Headers.Add(("x-amz-copy-source-range", c.Pick(Garnish.Ranges)));
            }

            return (request, "upload-part-copy");
        }

        request.Body = c.Bytes(4096);
        Garnish.Digests(c, request, request.Body);
        return (request, "upload-part");
    }

    private static (RawHttpRequest, string) Complete(CaseContext c)
    {
        var upload = c.Pick(c.Targets.OpenUploads);
        var request = c.Request("POST", UploadTarget(c, upload));
        request.Body = XmlBodies.Complete(c, upload.Parts, out var shape);
        return (request, "complete-upload/" + shape);
    }

    private static (RawHttpRequest, string) Abort(CaseContext c) =>
        (c.Request("DELETE", UploadTarget(c, c.Pick(c.Targets.OpenUploads))), "abort-upload");

    private static (RawHttpRequest, string) DeleteMany(CaseContext c)
    {
        var sentinelRepository = c.Chance(20);
        var repository = sentinelRepository ? FuzzTargets.SentinelRepository : FuzzTargets.FuzzRepository;
        var keys = Enumerable.Range(0, c.Random.Next(1, 6)).Select(_ => sentinelRepository
                ? Wire.ToText(Wire.FromBytes(SigV4Signer.Decode(ObjectKeys.DotSegmentsTo(c.Random, repository, "main", c.Pick(c.Targets.SentinelPaths)), false))) ?? "main/x"
                : c.Random.Next(5) switch
                {
                    0 => "no-slash",
                    1 => "main/",
                    2 => "no-such-branch/fuzz/x",
                    3 => "main/" + c.Pick(c.Targets.SeedPaths),
                    _ => "main/" + c.FuzzPath(),
                })
            .Where(k => KeyAllowed(c, repository, k))
            .DefaultIfEmpty("main/fuzz/none")
            .ToList();
        var request = c.Request("POST", Garnish.Query(c, "/" + repository + "?delete"));
        request.Body = XmlBodies.Delete(c, keys, out var shape);
        if (c.Chance(50))
        {
            request.Headers.Add(("Content-MD5", CaseContext.Base64Md5(request.Body)));
        }

        return (request, "delete-objects/" + shape);
    }

    private static (RawHttpRequest, string) Unsupported(CaseContext c)
    {
        var (method, query) = c.Pick<(string, string)>(
        [
            ("GET", "acl"), ("PUT", "tagging"), ("PUT", "acl"), ("POST", "select&select-type=2"), ("POST", "restore"), ("DELETE", "tagging"),
            ("GET", "torrent"), ("GET", "retention"), ("GET", "tagging"), ("GET", "versioning"), ("POST", ""), ("PUT", "uploads"),
        ]);
        var target = ObjectTarget(c);
        return (c.Request(method, target + (query.Length > 0 ? (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query : "")), "unsupported-" + method.ToLowerInvariant());
    }

    private static (RawHttpRequest, string) Odd(CaseContext c)
    {
        var method = c.Pick<string>(["PATCH", "OPTIONS", "PROPFIND", "get", "TRACE", "MKCOL", "X-CUSTOM"]);
        return (c.Request(method, ObjectTarget(c)), "odd-method");
    }

    // A sentinel-repository target whose raw path happens to decode to a sentinel's path becomes a fuzz path instead.
    private static string Safe(CaseContext c, string repository, string rawRest)
    {
        var target = "/" + repository + "/" + rawRest;
        var view = RawTargetView.Of(c.Request("GET", target));
        return view?.Path is { } path && view.Repository is { } repo && !c.Targets.MayWriterName(repo, path)
            ? $"/{repository}/main/{FuzzTargets.FuzzPrefix}renamed-{c.Iteration}"
            : target;
    }

    private static bool KeyAllowed(CaseContext c, string repository, string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || c.Targets.MayWriterName(repository, key[(slash + 1)..]);
    }

    private static bool CopySourceNamesSentinel(CaseContext c, string source)
    {
        var text = Wire.ToText(Wire.FromBytes(SigV4Signer.Decode(source, plusAsSpace: false))) ?? source;
        var parts = text.TrimStart('/').Split('/', 3);
        return parts.Length == 3 && !c.Targets.MayWriterName(parts[0], parts[2]);
    }
}
