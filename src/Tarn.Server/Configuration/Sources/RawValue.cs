namespace Tarn.Server.Configuration.Sources;

/// <summary>
/// A value before type conversion: a string (scalars and environment variables), a
/// <c>List&lt;object?&gt;</c> (YAML sequence) or a <c>Dictionary&lt;string, object?&gt;</c> (YAML mapping),
/// with the place it came from so errors can say "(from environment variable LAKEFS_X)".
/// </summary>
internal sealed record RawValue(object Value, ValueSource Source, string Origin)
{
    /// <summary>Set by the operator (file or environment), as opposed to a default or profile value.</summary>
    public bool IsExplicit => Source is ValueSource.File or ValueSource.Environment;
}
