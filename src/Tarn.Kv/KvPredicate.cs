namespace Tarn.Kv;

/// <summary>
/// The condition of a compare-and-swap: either "the key does not exist yet" or "the key holds exactly
/// this value". Comparing values (not versions) keeps the contract implementable by any store.
/// </summary>
public readonly struct KvPredicate
{
    private KvPredicate(bool mustBeAbsent, ReadOnlyMemory<byte> expected)
    {
        MustBeAbsent = mustBeAbsent;
        ExpectedValue = expected;
    }

    /// <summary>The write happens only if no value is stored under the key.</summary>
    public static KvPredicate Absent { get; } = new(true, ReadOnlyMemory<byte>.Empty);

    /// <summary>The write happens only if the key currently holds <paramref name="value"/>.</summary>
    public static KvPredicate ValueIs(ReadOnlyMemory<byte> value) => new(false, value);

    public bool MustBeAbsent { get; }

    public ReadOnlyMemory<byte> ExpectedValue { get; }

    /// <summary>Whether a current value (null when absent) satisfies the predicate.</summary>
    public bool IsSatisfiedBy(ReadOnlySpan<byte> current, bool exists) =>
        MustBeAbsent ? !exists : exists && current.SequenceEqual(ExpectedValue.Span);
}
