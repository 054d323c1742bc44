namespace Tarn.Api.Tests.Contracts;

/// <summary>A wire type with the spec schema it implements, filled in completely and as little as allowed.</summary>
internal sealed record WireSample(string Schema, Type Type, object Full, object Minimal);
