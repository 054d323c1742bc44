using System.Text.Json;
using System.Text.RegularExpressions;
using Tarn.Api.Contracts;

namespace Tarn.Api.Errors;

/// <summary>
/// The 400 text of a request body the JSON reader refused. System.Text.Json's own messages name .NET types
/// ("could not be converted to Tarn.Api.Contracts.RepositoryCreation"), which mean nothing to a client and
/// expose internals; this keeps what helps (the JSON path, the syntax problem, the missing field names) and
/// drops the type names.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>The text for a string or field name that is not valid Unicode (bad UTF-8 bytes, a lone surrogate escape).</summary>
    public const string InvalidText = "invalid request body: text that is not valid UTF-8";

    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = string.IsNullOrEmpty(exception.Path) ? "" : $" at {exception.Path}";
        if (IsInvalidText(exception.InnerException))
        {
            return InvalidText + where;
        }

        if (exception.Message == NonNullCollectionsConverter.NullItemMessage)
        {
            return $"invalid request body: {exception.Message}{where}";
        }

        if (exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"invalid request body: a value of the wrong type{where}";
        }

        if (MissingFields().Match(exception.Message) is { Success: true } missing)
        {
            return "invalid request body: missing required fields " + missing.Groups["fields"].Value.TrimEnd('.');
        }

        return "invalid request body: " + ContractTypeName().Replace(exception.Message, "the request body");
    }

    // The reader accepts the bytes as JSON; turning a string into text is where invalid UTF-8 or a lone
    // surrogate escape fails, with an InvalidOperationException that is told from a wrong token type (also
    // an InvalidOperationException) only by its text, which names the encoding.
    private static bool IsInvalidText(Exception? inner) =>
        inner is InvalidOperationException invalid
        && (invalid.InnerException is System.Text.DecoderFallbackException || invalid.Message.Contains("UTF-", StringComparison.Ordinal));

    [GeneratedRegex(@"was missing required properties,? including: (?<fields>.*)$")]
    private static partial Regex MissingFields();

    // 'Tarn.Api.Contracts.X' (quoted, any characters but a quote) or Tarn.Api.Contracts.X (dotted words).
    [GeneratedRegex(@"(?:type )?(?:'(?:Tarn|System)\.[^']*'|(?:Tarn|System)(?:\.[\w`\[\]]+)+)")]
    private static partial Regex ContractTypeName();
}
