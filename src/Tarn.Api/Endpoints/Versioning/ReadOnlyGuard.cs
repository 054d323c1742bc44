using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// The read-only repository check (docs/repositories.md, "Read-only repositories"): writes to a repository created with
/// <c>read_only: true</c> are refused with 403 unless the request sets <c>force</c>.
/// </summary>
internal static class ReadOnlyGuard
{
    public const string Message = "read-only repository";

    /// <summary>Throws 403 <c>read-only repository</c>; 400/404/410 for an invalid, unknown or deleted repository.</summary>
    public static async Task EnsureWritableAsync(VersionController versions, string repositoryId, bool? force, CancellationToken cancellationToken)
    {
        var repository = await versions.GetRepositoryAsync(repositoryId, cancellationToken);
        if (repository.ReadOnly && force != true)
        {
            throw new TarnException(ErrorKind.Forbidden, Message);
        }
    }
}
