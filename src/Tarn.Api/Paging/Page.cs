using Tarn.Api.Contracts;

namespace Tarn.Api.Paging;

/// <summary>
/// Builds the <c>pagination</c> envelope from one page fetched as <c>amount + 1</c> items: the extra item
/// only proves there is more (lakeFS's <c>has_more</c>), and <c>next_offset</c> is the last returned key.
/// </summary>
public static class Page
{
    public static (IReadOnlyList<T> Items, Pagination Pagination) From<T>(IReadOnlyList<T> fetched, int amount, Func<T, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(keyOf);
        var hasMore = fetched.Count > amount;
        var items = hasMore ? fetched.Take(amount).ToList() : fetched;
        var next = hasMore && items.Count > 0 ? keyOf(items[^1]) : "";
        return (items, new Pagination(hasMore, next, items.Count, PageQuery.MaxAmount));
    }
}
