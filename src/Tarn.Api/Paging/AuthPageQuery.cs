using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Api.Contracts;
using Tarn.Auth;
using Tarn.Core;

namespace Tarn.Api.Paging;

/// <summary>
/// The paging parameters of the auth lists (users, groups, policies, credentials, memberships), which page
/// as lakeFS's auth service does (docs/access-control.md, "Paging auth lists"), unlike the versioning lists of <see cref="PageQuery"/>: an
/// amount ≤ 0 means 100 and one above 1000 is clamped to 1000 rather than refused; <c>has_more</c> is true
/// whenever the page is full.
/// </summary>
public sealed record AuthPageQuery(PageRequest Request)
{
    /// <summary>Minimal-API binding: declare an <see cref="AuthPageQuery"/> parameter on an auth list handler.</summary>
    public static ValueTask<AuthPageQuery?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<AuthPageQuery?>(new AuthPageQuery(Parse(context.Request.Query)));
    }

    public static PageRequest Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new PageRequest(query["prefix"].ToString(), query["after"].ToString(), ParseAmount(query["amount"].ToString()));
    }

    /// <summary>The <c>pagination</c> envelope and the mapped items of one page.</summary>
    public static (IReadOnlyList<TDto> Items, Pagination Pagination) Envelope<T, TDto>(Page<T> page, Func<T, TDto> map)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(map);
        var items = page.Items.Select(map).ToList();
        return (items, new Pagination(page.HasMore, page.NextOffset, items.Count, PageRequest.MaxAmount));
    }

    private static int ParseAmount(string text)
    {
        if (text.Length == 0)
        {
            return PageRequest.DefaultAmount;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw TarnException.Invalid($"amount: value \"{text}\" is not an integer");
        }

        return amount <= 0 ? PageRequest.DefaultAmount : (int)Math.Min(amount, PageRequest.MaxAmount);
    }
}
