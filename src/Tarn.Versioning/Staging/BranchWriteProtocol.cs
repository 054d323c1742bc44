using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Staging;

/// <summary>
/// The lock-free writer protocol (docs/staging.md, "The writer retry protocol"): write into the branch's staging token, re-read
/// the branch, and if a commit (or reset) swapped the token meanwhile, write again into the new token.
/// A write is therefore either sealed into the racing commit or still staged, never lost. Repeating
/// a write is harmless because staged values are compared by identity.
/// </summary>
public sealed class BranchWriteProtocol(RefStore refs)
{
    /// <summary>Writes attempted before giving up with 423 <c>Too many attempts, try again later</c>.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Runs <paramref name="write"/> against the branch as read (use its <see cref="BranchRecord.StagingToken"/>)
    /// until the token is unchanged after the write. 404 when the branch does not exist (or is deleted mid-way).
    /// </summary>
    /// <returns>The result of the last, effective write.</returns>
    public async ValueTask<T> WriteAsync<T>(
        RepositoryRecord repository,
        string branchId,
        Func<BranchRecord, CancellationToken, ValueTask<T>> write,
        CancellationToken cancellationToken = default)
    {
        var branch = await refs.GetBranchAsync(repository, branchId, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await write(branch, cancellationToken);
            var after = await refs.GetBranchAsync(repository, branchId, cancellationToken);
            if (after.StagingToken == branch.StagingToken)
            {
                return result;
            }

            branch = after;
        }

        throw RefErrors.TooManyAttempts();
    }

    /// <summary>As <see cref="WriteAsync{T}"/> for writes without a result.</summary>
    public async ValueTask WriteAsync(
        RepositoryRecord repository,
        string branchId,
        Func<BranchRecord, CancellationToken, ValueTask> write,
        CancellationToken cancellationToken = default) =>
        await WriteAsync(
            repository,
            branchId,
            async (branch, ct) =>
            {
                await write(branch, ct);
                return true;
            },
            cancellationToken);
}
