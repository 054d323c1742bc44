using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarn.Api.Errors;

/// <summary>
/// The 400 text of a request body the JSON reader refused. System.Text.Json's own messages name .NET types
/// ("could not be converted to Tarn.Api.Contracts.RepositoryCreation"), which mean nothing to a client and
/// expose internals; this keeps what helps (the JSON path, the syntax problem, the missing field names) and
/// drops the type names.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = string.IsNullOrEmpty(exception.Path) ? "" : $" at {exception.Path}";
        if (exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"invalid request body: a value of the wrong type{where}";
        }

        return "invalid request body: " + ContractTypeName().Replace(exception.Message, "the request body");
    }

    [GeneratedRegex(@"type '?(?:Tarn|System)\.[A-Za-z0-9_.`\[\], ]+?'?(?= |\.|$)")]
    private static partial Regex ContractTypeName();
}
