namespace Tarn.Server.Tests.Cli;

/// <summary>How a finished run of the <c>tarn</c> executable ended, with everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
