using System.Security.Cryptography;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>What every part of the generator works with while making one case: the case's own random source and the targets.</summary>
internal sealed class CaseContext(int iteration, Random random, FuzzTargets targets)
{
    public int Iteration => iteration;

    public Random Random => random;

    public FuzzTargets Targets => targets;

    /// <summary>The request time signatures claim.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// The attacker key and client address a refused request comes from: a different pair for each case, in
    /// turn. Wrong signatures are counted per key and address, and past five the server holds each answer back
    /// for seconds (README, "How guessing is slowed down"); spreading them keeps every pair under that.
    /// </summary>
    public (FuzzKey Key, System.Net.IPAddress Address) AttackerSlot()
    {
        var attackers = targets.Attackers;
        var addresses = targets.AttackerAddresses;
        return (attackers[iteration % attackers.Count], addresses[iteration / attackers.Count % addresses.Count]);
    }

    public bool Chance(int percent) => random.Next(100) < percent;

    public byte[] Bytes(int maxLength)
    {
        var data = new byte[random.Next(maxLength + 1)];
        random.NextBytes(data);
        return data;
    }

    /// <summary>A request for the path-style target <c>/repo/raw…</c> (query included) on the server's address.</summary>
    public RawHttpRequest Request(string method, string rawTarget, string? host = null) =>
        new() { Method = method, Target = rawTarget, Headers = [("Host", host ?? targets.Host)] };

    /// <summary>A fresh path under <c>refused/</c>, unique to this case, for writes that must be refused.</summary>
    public string RefusedPath() => $"{FuzzTargets.RefusedPrefix}{iteration}-{random.Next(1000)}";

    /// <summary>A fresh path under <c>fuzz/</c> for the writer, in one of the hostile shapes.</summary>
    public string FuzzPath() => ObjectKeys.RandomPath(random, FuzzTargets.FuzzPrefix);

    public static string Base64Md5(byte[] data) => Convert.ToBase64String(MD5.HashData(data));
}
