using Microsoft.AspNetCore.Http;
using Tarn.Auth.Authorization;
using Tarn.Core;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.S3.Authorization;

/// <summary>
/// Runs before every operation: the permission of <see cref="S3Permissions"/> (403 <c>AccessDenied</c>),
/// then the repository lookup (docs/gateway.md, "Repository lookup"). A missing repository is 404 <c>NoSuchBucket</c> only
/// for callers allowed to list repositories; others get 403, so existence is never revealed.
/// </summary>
public sealed class S3AccessControl(Authorizer authorizer, VersionController versions)
{
    /// <summary>Authorizes the request and returns the named repository (null at the service level).</summary>
    public async Task<RepositoryRecord?> CheckAsync(
        S3OperationId operation, S3Target target, S3Query query, IHeaderDictionary headers, S3Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(caller);
        var permission = S3Permissions.For(operation, target, query, headers);
        if (permission is not null && !await authorizer.IsAllowedAsync(caller.User.Username, permission, cancellationToken))
        {
            throw new S3ErrorException(S3Errors.AccessDenied);
        }

        if (string.IsNullOrEmpty(target.Repository))
        {
            return null;
        }

        try
        {
            return await versions.GetRepositoryAsync(target.Repository, cancellationToken);
        }
        catch (TarnException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.InvalidArgument or ErrorKind.Gone)
        {
            // An invalid name cannot exist either: the same answer as for a missing repository.
            var mayList = await authorizer.IsAllowedAsync(caller.User.Username, S3Permissions.ListAllRepositories, cancellationToken);
            throw new S3ErrorException(mayList ? S3Errors.NoSuchBucket : S3Errors.AccessDenied);
        }
    }
}
