namespace Tarn.Load.Reporting;

/// <summary>Where the figures come from.</summary>
internal sealed record MachineFigures(int ProcessorCount, string Os, string Runtime);
