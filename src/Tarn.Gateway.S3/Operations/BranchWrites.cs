using Tarn.Core;
using Tarn.Gateway.S3.Errors;
using Tarn.Versioning.Graveler;

namespace Tarn.Gateway.S3.Operations;

/// <summary>
/// The checks every gateway write makes first (docs/gateway.md, "Writing objects"): the ref must be an existing branch —
/// a tag, commit or unknown ref is 404 <c>NoSuchBucket</c> (lakeFS's quirk, kept) — and the repository
/// must not be read-only (403 <c>ErrReadOnlyRepository</c>; S3 has no way to say <c>force</c>).
/// </summary>
public sealed class BranchWrites(VersionController versions)
{
    /// <summary>Throws unless the request's ref is a branch of a writable repository; returns the branch id.</summary>
    public async Task<string> RequireWritableBranchAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repository = request.RequiredRepository;
        var branch = request.Target.Ref ?? "";
        if (!await IsBranchAsync(repository.Id, branch, cancellationToken))
        {
            throw new S3ErrorException(S3Errors.NoSuchBucket);
        }

        if (repository.ReadOnly)
        {
            throw new S3ErrorException(S3Errors.ReadOnlyRepository);
        }

        return branch;
    }

    /// <summary>Whether <paramref name="reference"/> names an existing branch of the repository.</summary>
    public async Task<bool> IsBranchAsync(string repositoryId, string reference, CancellationToken cancellationToken)
    {
        try
        {
            await versions.GetBranchAsync(repositoryId, reference, cancellationToken);
            return true;
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.InvalidArgument)
        {
            return false;
        }
    }
}
