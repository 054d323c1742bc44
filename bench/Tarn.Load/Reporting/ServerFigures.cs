namespace Tarn.Load.Reporting;

/// <summary>Figures about the Tarn server the tool started itself (absent for <c>--endpoint</c>).</summary>
internal sealed record ServerFigures(double StartupSeconds, double ResidentMebibytesAtStart, double ResidentMebibytesAfterRun);
