namespace Tarn.Versioning.Refs;

/// <summary>Lifecycle of a repository record; the values match lakeFS's stored enum.</summary>
public enum RepositoryState
{
    Active = 0,
    InDeletion = 1,
}
