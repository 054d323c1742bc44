using Tarn.Blocks;
using Tarn.Catalog.Entries;
using Tarn.Core;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>The fuzzer's look at server state, in process (no request the gateway could confuse with a fuzz request).</summary>
internal static class StateChecks
{
    /// <summary>What changed that must not have, or null.</summary>
    public static async Task<string?> ProbeAsync(this FuzzWorld world, StateProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        switch (probe)
        {
            case ObjectAbsent absent:
                return await StatAsync(world, absent.Repository, absent.Branch, absent.Path, cancellationToken) is { } created
                    ? $"{absent.Branch}/{absent.Path} was created ({created.Size} bytes, ETag {created.Checksum})"
                    : null;
            case ObjectUnchanged unchanged:
                var entry = await StatAsync(world, unchanged.Repository, unchanged.Branch, unchanged.Path, cancellationToken);
                return entry?.Checksum == unchanged.Checksum ? null
                    : $"{unchanged.Branch}/{unchanged.Path} {(entry is null ? "was deleted" : "was overwritten (ETag " + entry.Checksum + ")")}";
            case UploadUnchanged upload:
                var fingerprint = await FingerprintAsync(world, upload.Upload, cancellationToken);
                return fingerprint == upload.Upload.PartsFingerprint ? null
                    : $"upload {upload.Upload.UploadId} of {upload.Upload.Path} changed: parts {fingerprint}, were {upload.Upload.PartsFingerprint}";
            default:
                throw new ArgumentOutOfRangeException(nameof(probe), probe, "unknown probe");
        }
    }

    /// <summary>Undoes what a refused request changed where that is possible (objects), so one finding does not repeat in later cases.</summary>
    public static async Task RepairAsync(this FuzzWorld world, StateProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        switch (probe)
        {
            case ObjectAbsent absent:
                await world.Catalog.DeleteAsync(absent.Repository, absent.Branch, absent.Path, cancellationToken);
                break;
            case ObjectUnchanged unchanged when world.CanaryData.TryGetValue(unchanged.Path, out var data):
                await FuzzWorld.PutAsync(world.Catalog, unchanged.Path, data, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The end-of-run checks of what only refused requests named: nothing under <c>refused/</c> in either
    /// repository and no upload opened there, every canary as it was, and every guarded upload still completing
    /// to exactly the part it was given (so no refused request replaced a part's data behind its record).
    /// </summary>
    public static async Task<List<string>> FinalProblemsAsync(this FuzzWorld world, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        var problems = new List<string>();
        foreach (var repository in new[] { FuzzTargets.FuzzRepository, FuzzTargets.SentinelRepository })
        {
            var page = await world.Catalog.ListAsync(repository, "main", FuzzTargets.RefusedPrefix, "", "", 100, cancellationToken);
            problems.AddRange(page.Items.Select(e => $"{repository}: main/{e.Path} exists"));
        }

        foreach (var upload in await world.Uploads.ListRepositoryUploadsAsync(FuzzTargets.FuzzRepository, cancellationToken))
        {
            if (upload.Path.StartsWith(FuzzTargets.RefusedPrefix + "new-", StringComparison.Ordinal))
            {
                problems.Add($"an upload was opened at {upload.Path}");
            }
        }

        foreach (var (path, checksum) in world.Targets.Canaries)
        {
            if (await world.ProbeAsync(new ObjectUnchanged(FuzzTargets.FuzzRepository, "main", path, checksum), cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var guarded in world.Targets.GuardedUploads)
        {
            if (await CompleteGuardedAsync(world, guarded, cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private static async Task<string?> CompleteGuardedAsync(FuzzWorld world, GuardedUpload guarded, CancellationToken cancellationToken)
    {
        try
        {
            var upload = await world.Uploads.GetAsync(guarded.UploadId, guarded.Repository, guarded.Branch, guarded.Path, cancellationToken);
            var eTag = guarded.PartsFingerprint.Split(':')[1];
            await world.Uploads.CompleteAsync(upload, [new CompletedPart(1, eTag)], cancellationToken);
            await using var content = await world.Catalog.OpenAsync(guarded.Repository, guarded.Branch, guarded.Path, cancellationToken: cancellationToken);
            using var copy = new MemoryStream();
            await content.Data.Data.CopyToAsync(copy, cancellationToken);
            return copy.ToArray().AsSpan().SequenceEqual(world.GuardedParts[guarded.UploadId]) ? null : $"guarded upload {guarded.Path} completes to other bytes than its part";
        }
        catch (TarnException e)
        {
            return $"guarded upload {guarded.Path} no longer completes: {e.Message}";
        }
    }

    private static async Task<ObjectEntry?> StatAsync(FuzzWorld world, string repository, string branch, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await world.Catalog.StatAsync(repository, branch, path, cancellationToken);
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound)
        {
            return null;
        }
    }

    private static async Task<string> FingerprintAsync(FuzzWorld world, GuardedUpload guarded, CancellationToken cancellationToken)
    {
        try
        {
            var upload = await world.Uploads.GetAsync(guarded.UploadId, guarded.Repository, guarded.Branch, guarded.Path, cancellationToken);
            var page = await world.Uploads.ListPartsAsync(upload, 0, 1000, cancellationToken);
            return string.Join(';', page.Parts.Select(p => $"{p.PartNumber}:{p.ETag}"));
        }
        catch (MultipartUploadNotFoundException)
        {
            return "(upload gone)";
        }
    }
}
