using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>
/// Enums travel as their spec names only. The framework's string-enum converter also accepts numbers
/// (<c>{"type": 12}</c> would become an undefined value), which the spec's validator rejects with a 400.
/// </summary>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
