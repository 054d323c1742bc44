using Tarn.Core;

namespace Tarn.Versioning.Refs;

/// <summary>The errors of the ref layer, with the texts lakeFS sends (docs/http-api.md, "Errors").</summary>
public static class RefErrors
{
    public const string TooManyAttemptsMessage = "Too many attempts, try again later";

    public static TarnException RepositoryNotFound() => TarnException.NotFound("repository not found");

    public static TarnException RepositoryInDeletion() => new(ErrorKind.Gone, "repository in deletion");

    public static TarnException RepositoryExists() => TarnException.AlreadyExists("not unique");

    public static TarnException BranchNotFound() => TarnException.NotFound("branch not found");

    public static TarnException BranchExists() => TarnException.AlreadyExists("branch already exists: not unique");

    public static TarnException TagNotFound() => TarnException.NotFound("tag not found");

    public static TarnException TagExists() => TarnException.AlreadyExists("tag already exists: not unique");

    public static TarnException CommitNotFound() => TarnException.NotFound("commit not found");

    public static TarnException CommitExists() => TarnException.AlreadyExists("commit already exists: not unique");

    /// <summary>The generic miss of ref resolution.</summary>
    public static TarnException NotFound() => TarnException.NotFound();

    public static TarnException InvalidRef(string? detail = null) =>
        TarnException.Invalid(detail is null ? IdentifierRules.RefMessage : $"{detail}: {IdentifierRules.RefMessage}");

    public static TarnException StagingRefIsNotACommit() =>
        TarnException.Invalid("reference to staging area with $ is not a commit");

    /// <summary>Compare-and-swap retries exhausted (423).</summary>
    public static TarnException TooManyAttempts() => new(ErrorKind.Locked, TooManyAttemptsMessage);
}
