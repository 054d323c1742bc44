using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// How a fuzz run is sized and seeded, from the environment: <c>TARN_FUZZ_SEED</c> (random when unset),
/// <c>TARN_FUZZ_ITERATIONS</c> (default <see cref="DefaultIterations"/>), <c>TARN_FUZZ_CASE</c> (run only that
/// case of the seed, to replay a finding), <c>TARN_FUZZ_TRACE</c> (a file to write one line per case to: its
/// number, family, answer and time, to see what a seed exercised).
/// </summary>
internal sealed record FuzzSettings(int Seed, int Iterations, int? OnlyCase, TimeSpan RequestTimeout)
{
    /// <summary>Sized for 30–60 s in a Debug build on two cores (about 250 cases a second alone).</summary>
    public const int DefaultIterations = 8000;

    public const string SeedVariable = "TARN_FUZZ_SEED";
    public const string IterationsVariable = "TARN_FUZZ_ITERATIONS";
    public const string CaseVariable = "TARN_FUZZ_CASE";
    public const string TraceVariable = "TARN_FUZZ_TRACE";

    public string? TraceFile { get; init; } = Environment.GetEnvironmentVariable(TraceVariable) is { Length: > 0 } path ? path : null;

    public static FuzzSettings FromEnvironment() => new(
        Number(SeedVariable) ?? Random.Shared.Next(),
        Number(IterationsVariable) ?? DefaultIterations,
        Number(CaseVariable),
        TimeSpan.FromSeconds(15));

    /// <summary>The cases to run: all of them, or the one being replayed.</summary>
    public IEnumerable<int> Cases => OnlyCase is { } only ? [only] : Enumerable.Range(0, Iterations);

    /// <summary>The command that runs this seed again (one case, or all).</summary>
    public string ReplayCommand(int? fuzzCase = null) =>
        $"{SeedVariable}={Seed} " + (fuzzCase is { } one ? $"{CaseVariable}={one} " : $"{IterationsVariable}={Iterations} ")
        + "dotnet test tests/Tarn.Gateway.Tests --filter \"FullyQualifiedName~GatewayFuzzTests\"";

    private static int? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;
}
