namespace Tarn.Versioning.Protection;

/// <summary>What a protection rule blocks on matching branches (docs/repositories.md, "Branch protection"); the API sets both.</summary>
public enum ProtectedAction
{
    /// <summary>Uploads, links, copies, deletes and resets.</summary>
    StagingWrite,

    /// <summary>Commits.</summary>
    Commit,

    /// <summary>Hard reset, which both rewrites staging and moves HEAD.</summary>
    HardReset,
}
