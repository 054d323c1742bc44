using Tarn.Api.Contracts;

namespace Tarn.Api.Usage;

/// <summary>Where monthly API-call counts are kept between restarts (the composition root supplies one over the metadata store).</summary>
public interface IUsageStore
{
    /// <summary>Adds <paramref name="count"/> calls to the month; must be safe against concurrent adders.</summary>
    ValueTask AddAsync(int year, int month, long count, CancellationToken cancellationToken);

    /// <summary>Every recorded month, oldest first.</summary>
    ValueTask<IReadOnlyList<UsageReport>> ReadAllAsync(CancellationToken cancellationToken);
}
