namespace Tarn.Core;

/// <summary>
/// What went wrong, in terms every protocol adapter can translate: the HTTP API maps each kind to a
/// status code and the S3 gateway to an S3 error code, so no adapter needs to know exception types.
/// </summary>
public enum ErrorKind
{
    /// <summary>Input failed validation (400).</summary>
    InvalidArgument,
    /// <summary>Credentials are missing or wrong (401).</summary>
    Unauthenticated,
    /// <summary>Authenticated but without the permission; lakeFS answers 401 "insufficient permissions".</summary>
    PermissionDenied,
    /// <summary>A data-plane refusal: protected branch, read-only repository, storage access denied (403).</summary>
    Forbidden,
    /// <summary>The named thing does not exist (404).</summary>
    NotFound,
    /// <summary>The thing to create exists already (409).</summary>
    AlreadyExists,
    /// <summary>A conflicting state, such as a merge conflict (409).</summary>
    Conflict,
    /// <summary>The stored data behind an entry is gone (410).</summary>
    Gone,
    /// <summary>A precondition such as If-None-Match failed (412).</summary>
    PreconditionFailed,
    /// <summary>Too much contention; the caller should retry later (423).</summary>
    Locked,
    /// <summary>The operation is not built (yet) or not available in this mode (501).</summary>
    NotImplemented,
    /// <summary>Too many attempts from one client (429).</summary>
    TooManyRequests,
    /// <summary>A failure of our own or of a dependency (500).</summary>
    Internal,
}
