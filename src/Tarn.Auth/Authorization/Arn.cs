namespace Tarn.Auth.Authorization;

/// <summary>
/// Resource names (<c>arn:lakefs:&lt;service&gt;:&lt;region&gt;:&lt;account&gt;:&lt;resource-id&gt;</c>) of the
/// things permissions are granted on, and how a statement's resource pattern matches a requested one.
/// </summary>
public static class Arn
{
    /// <summary>Every resource.</summary>
    public const string All = "*";

    private const int FieldCount = 6;

    public static string Repository(string repository) => $"arn:lakefs:fs:::repository/{repository}";

    /// <summary>An object path inside a repository; the ref is not part of it (object rights are branch-agnostic).</summary>
    public static string Object(string repository, string path) => $"arn:lakefs:fs:::repository/{repository}/object/{path}";

    public static string Branch(string repository, string branch) => $"arn:lakefs:fs:::repository/{repository}/branch/{branch}";

    public static string Tag(string repository, string tag) => $"arn:lakefs:fs:::repository/{repository}/tag/{tag}";

    public static string StorageNamespace(string storageNamespace) => $"arn:lakefs:fs:::namespace/{storageNamespace}";

    public static string User(string username) => $"arn:lakefs:auth:::user/{username}";

    public static string Group(string group) => $"arn:lakefs:auth:::group/{group}";

    public static string Policy(string policy) => $"arn:lakefs:auth:::policy/{policy}";

    /// <summary>
    /// Whether a statement's resource pattern (after <c>${user}</c> interpolation for
    /// <paramref name="username"/>) covers <paramref name="requested"/>. <c>*</c> covers everything;
    /// otherwise both must be <c>arn:lakefs</c> ARNs with the same service and account (the region is
    /// ignored) and the resource ids must glob-match. Anything unparsable matches nothing.
    /// </summary>
    public static bool Matches(string statementResource, string requested, string username)
    {
        if (statementResource == All)
        {
            return true;
        }

        if (!TrySplit(statementResource, out var pattern) || !TrySplit(requested, out var target))
        {
            return false;
        }

        // The variable is substituted per field after splitting, so a ':' in a user name cannot shift fields.
        return Glob.Interpolate(pattern[2], username) == target[2]
            && Glob.Interpolate(pattern[4], username) == target[4]
            && Glob.IsMatch(Glob.Compile(pattern[5], username), target[5]);
    }

    /// <summary>Splits on the first five colons into arn, partition, service, region, account, resource id.</summary>
    private static bool TrySplit(string arn, out string[] fields)
    {
        fields = arn.Split(':', FieldCount);
        return fields.Length == FieldCount && fields[0] == "arn" && fields[1] == "lakefs";
    }
}
