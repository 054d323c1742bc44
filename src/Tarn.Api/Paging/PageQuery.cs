using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Core;

namespace Tarn.Api.Paging;

/// <summary>
/// The paging parameters of every list operation (docs/http-api.md, "Paging"): <c>prefix</c>, <c>after</c>
/// (exclusive) and <c>amount</c>. Validated before the handler runs, as lakeFS's request validator does:
/// an amount outside [-1, 1000] or not a number is a 400, never silently clamped; -1 and 0 mean 100.
/// </summary>
public sealed record PageQuery(string Prefix, string After, int Amount)
{
    public const int DefaultAmount = 100;
    public const int MaxAmount = 1000;

    /// <summary>Minimal-API binding: declare a <see cref="PageQuery"/> parameter on a list handler.</summary>
    public static ValueTask<PageQuery?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<PageQuery?>(Parse(context.Request.Query));
    }

    public static PageQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new PageQuery(query["prefix"].ToString(), query["after"].ToString(), ParseAmount(query["amount"].ToString()));
    }

    private static int ParseAmount(string text)
    {
        if (text.Length == 0)
        {
            return DefaultAmount;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw TarnException.Invalid($"amount: value \"{text}\" is not an integer");
        }

        if (amount is < -1 or > MaxAmount)
        {
            throw TarnException.Invalid($"amount: number must be between -1 and {MaxAmount}");
        }

        return amount <= 0 ? DefaultAmount : amount;
    }
}
