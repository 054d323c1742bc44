using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Core;

namespace Tarn.Api.Authorization;

/// <summary>
/// What a permission rule may look at: route values, query values and, for rules that declare it, the
/// JSON body. Missing values read as <c>""</c>: the rule still yields a permission (on an empty name), and
/// the handler, which runs only if that permission is granted, rejects the request as malformed.
/// </summary>
/// <remarks>
/// The rule and the handler must see the same values, or a caller could be authorized for one resource and
/// act on another. So a query parameter a rule reads may appear only once, and a body whose objects repeat
/// a field name (in any letter case, since the handler's binder ignores case) is refused.
/// </remarks>
public sealed class PermissionRequest
{
    /// <summary>The most body a rule will buffer; larger requests that need body-based rules are refused.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly RouteValueDictionary _route;
    private readonly IQueryCollection _query;
    private readonly JsonElement _body;

    private PermissionRequest(RouteValueDictionary route, IQueryCollection query, JsonElement body)
    {
        _route = route;
        _query = query;
        _body = body;
    }

    /// <summary>A request for tests and tools: route and query values, and optionally a JSON body.</summary>
    public static PermissionRequest Create(IDictionary<string, string> route, IQueryCollection query, string? jsonBody = null) =>
        new(new RouteValueDictionary(route.ToDictionary(p => p.Key, p => (object?)p.Value)), query,
            jsonBody is null ? default : ParseBody(jsonBody.Length == 0 ? [] : System.Text.Encoding.UTF8.GetBytes(jsonBody)));

    /// <summary>A path parameter, URL-decoded, as the handler binds it.</summary>
    public string Route(string name) => _route.TryGetValue(name, out var value) && value is string text ? text : "";

    /// <summary>A query parameter; 400 when it is repeated.</summary>
    public string Query(string name)
    {
        var values = _query[name];
        if (values.Count > 1)
        {
            throw TarnException.Invalid($"query parameter '{name}' must be given only once");
        }

        return values.Count == 1 ? values[0] ?? "" : "";
    }

    /// <summary>A top-level string field of the body.</summary>
    public string BodyText(string name) => TextOf(_body, name);

    /// <summary>Whether a top-level field of the body is JSON <c>true</c>.</summary>
    public bool BodyFlag(string name) => TryGetField(_body, name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The elements of a top-level array field of the body (none when absent or not an array).</summary>
    public IReadOnlyList<JsonElement> BodyItems(string name) =>
        TryGetField(_body, name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    /// <summary>A string field of a JSON object (an element of <see cref="BodyItems"/>), or <c>""</c>.</summary>
    public static string TextOf(JsonElement element, string name) =>
        TryGetField(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>Reads what the rule needs; buffers the body (and rewinds it for the handler) only when asked to.</summary>
    internal static async Task<PermissionRequest> ReadAsync(HttpContext context, bool readBody)
    {
        var body = readBody ? ParseBody(await BufferBodyAsync(context.Request, context.RequestAborted)) : default;
        return new PermissionRequest(context.Request.RouteValues, context.Request.Query, body);
    }

    private static async Task<byte[]> BufferBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        request.EnableBuffering();
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await ReadFramedAsync(request.Body, chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            copy.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return copy.ToArray();
    }

    // The web server reports a broken chunked framing (an overflowing chunk size, say) as a plain IOException:
    // that is the client's malformed request, not a server failure.
    private static async ValueTask<int> ReadFramedAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException("malformed request body: " + e.Message, StatusCodes.Status400BadRequest, e);
        }
    }

    private static JsonElement ParseBody(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            CheckFields(document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw TarnException.Invalid(Errors.JsonErrorText.Describe(e));
        }
        catch (InvalidOperationException)
        {
            // The parser checks JSON syntax only; turning a name or a string into text is where invalid UTF-8
            // bytes or a lone surrogate escape show. Every string is read here, so no rule meets one later.
            throw TarnException.Invalid(Errors.JsonErrorText.InvalidText);
        }
    }

    // Refuses repeated field names and reads every name and string once (see ParseBody).
    private static void CheckFields(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        throw TarnException.Invalid($"invalid request body: field '{property.Name}' appears more than once");
                    }

                    CheckFields(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckFields(item);
                }

                break;
        }
    }

    // The binder matches names case-insensitively, and duplicates are refused, so at most one field matches.
    private static bool TryGetField(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private static TarnException TooLarge() => TarnException.Invalid($"request body is larger than {MaxBodyBytes} bytes");
}
