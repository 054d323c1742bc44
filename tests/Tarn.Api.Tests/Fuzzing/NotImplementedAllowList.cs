using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The 501 answers Tarn documents, and nothing else: the operations README's table lists as missing
/// (answering <c>{"message": "not implemented"}</c>), the policy API in simplified RBAC mode (README,
/// "Access control": lakeFS open source answers the same), and createUser with <c>invite_user</c> for an
/// e-mail address (Tarn sends no mail). A 501 is allowed only for the operation the request's path names.
/// </summary>
public sealed partial class NotImplementedAllowList(IReadOnlySet<string> missingOperations, bool policyApiServed)
{
    private const string Begin = "<!-- operations:begin -->";
    private const string End = "<!-- operations:end -->";

    private static readonly IReadOnlySet<string> PolicyOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "listPolicies", "createPolicy", "getPolicy", "updatePolicy", "deletePolicy", "listUserPolicies", "attachPolicyToUser",
        "detachPolicyFromUser", "listGroupPolicies", "attachPolicyToGroup", "detachPolicyFromGroup",
    };

    public IReadOnlySet<string> MissingOperations => missingOperations;

    /// <summary>Reads the "Missing (answer 501)" column of README's operation table.</summary>
    public static NotImplementedAllowList FromReadme(string readme, bool policyApiServed)
    {
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var stop = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException("README.md lacks the operations table markers");
        }

        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in readme[start..stop].Split('\n').Where(r => r.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = row.Split('|');
            if (cells.Length > 3)
            {
                missing.UnionWith(OperationName().Matches(cells[3]).Select(m => m.Groups[1].Value));
            }
        }

        return new NotImplementedAllowList(missing, policyApiServed);
    }

    /// <summary>Whether this 501 is one the documentation promises.</summary>
    public bool Allows(FuzzRequest request, RawResponse response)
    {
        var message = response.ErrorMessage;
        if (missingOperations.Contains(request.OperationId))
        {
            return message == "not implemented";
        }

        if (!policyApiServed && PolicyOperations.Contains(request.OperationId))
        {
            return message == "Not implemented";
        }

        return request.OperationId == "createUser" && message == "Not implemented" && AsksForInvitation(request.Body);
    }

    private static bool AsksForInvitation(byte[]? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? []);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().Any(p => string.Equals(p.Name, "invite_user", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex OperationName();
}
