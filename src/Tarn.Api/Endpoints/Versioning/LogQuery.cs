using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Paging;
using Tarn.Core;
using Tarn.Versioning.Graveler;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>
/// The query of <c>logCommits</c> (docs/commits.md, "The commit log"): <c>after</c>, <c>amount</c> (validated as every
/// page size), repeated <c>objects</c> and <c>prefixes</c>, <c>limit</c>, <c>first_parent</c>,
/// <c>since</c> (RFC 3339) and <c>stop_at</c>. Malformed values are a 400 before the handler runs.
/// </summary>
internal sealed record LogQuery(LogRequest Request)
{
    /// <summary>Minimal-API binding: declare a <see cref="LogQuery"/> parameter on the handler.</summary>
    public static ValueTask<LogQuery?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var request = new LogRequest
        {
            Amount = PageQuery.Parse(query).Amount,
            After = NullIfEmpty(query["after"].ToString()),
            StopAt = NullIfEmpty(query["stop_at"].ToString()),
            Limit = ParseBool(query, "limit"),
            FirstParent = ParseBool(query, "first_parent"),
            Since = ParseSince(query["since"].ToString()),
            Objects = Paths(query, "objects"),
            Prefixes = Paths(query, "prefixes"),
        };
        return ValueTask.FromResult<LogQuery?>(new LogQuery(request));
    }

    private static bool ParseBool(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return false;
        }

        return bool.TryParse(text, out var value) ? value : throw TarnException.Invalid($"{name}: value \"{text}\" is not a boolean");
    }

    private static DateTimeOffset? ParseSince(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
            ? since
            : throw TarnException.Invalid($"since: value \"{text}\" is not a date-time");
    }

    private static byte[][] Paths(IQueryCollection query, string name) =>
        [.. query[name].Where(p => !string.IsNullOrEmpty(p)).Select(p => Encoding.UTF8.GetBytes(p!))];

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
