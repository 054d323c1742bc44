namespace Tarn.Api.Tests.Fuzzing;

/// <summary>The one source of randomness of a run: everything generated follows from the seed.</summary>
public sealed class FuzzRandom(int seed)
{
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks by weight: <c>(item, weight)</c> pairs, weights need not sum to anything.</summary>
    public T Weighted<T>(params (T Item, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = _random.NextDouble() * total;
        foreach (var (item, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return item;
            }
        }

        return choices[^1].Item;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A fresh lower-case name (valid for repositories, branches, users, ...) that starts with <c>fz</c>.</summary>
    public string FreshName() => "fz" + Letters(6);

    public string Letters(int length) => new(Enumerable.Range(0, length).Select(_ => NameAlphabet[_random.Next(NameAlphabet.Length)]).ToArray());

    public string Hex(int length) => new(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)]).ToArray());

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
