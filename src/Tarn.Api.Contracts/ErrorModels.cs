namespace Tarn.Api.Contracts;

/// <summary>The body of every error the API produces (schema <c>Error</c>).</summary>
public sealed record Error(string Message);
