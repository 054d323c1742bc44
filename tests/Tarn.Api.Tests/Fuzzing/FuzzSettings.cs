using System.Globalization;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The run's size and seed: <c>TARN_FUZZ_SEED</c> replays a run (otherwise the seed is random and printed),
/// <c>TARN_FUZZ_ITERATIONS</c> is the number of rounds, each sending one request to every operation.
/// </summary>
public sealed record FuzzSettings(int Seed, int Rounds, bool SeedWasGiven)
{
    /// <summary>Rounds per RBAC mode when not told: sized so both modes together take about a minute in Debug on 2 cores.</summary>
    public const int DefaultRounds = 12;

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    // Drawn once per test process, so that every fuzz test of a run prints (and replays with) the same seed.
    private static readonly int RandomSeed = Random.Shared.Next();

    public static FuzzSettings FromEnvironment()
    {
        var seedText = Environment.GetEnvironmentVariable("TARN_FUZZ_SEED");
        var roundsText = Environment.GetEnvironmentVariable("TARN_FUZZ_ITERATIONS");
        var given = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed);
        if (!given)
        {
            seed = RandomSeed;
        }

        var rounds = int.TryParse(roundsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : DefaultRounds;
        return new FuzzSettings(seed, rounds, given);
    }

    public string ReplayCommand =>
        $"TARN_FUZZ_SEED={Seed} TARN_FUZZ_ITERATIONS={Rounds} dotnet test tests/Tarn.Api.Tests --filter \"FullyQualifiedName~Tarn.Api.Tests.Fuzzing.ApiFuzzTests\"";
}
