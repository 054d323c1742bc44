namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>The system clock plus an adjustable offset, so a server can be made to run ahead or behind its clients.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
