namespace Tarn.Api.Objects;

/// <summary>What a <c>Range</c> header asks of one object.</summary>
public enum RangeSelectionKind
{
    /// <summary>No Range header: answer 200 with the whole object.</summary>
    WholeObject,

    /// <summary>A satisfiable single range: answer 206 with <c>Content-Range</c>.</summary>
    Partial,

    /// <summary>Well-formed but selects nothing (or several ranges): answer 416.</summary>
    Unsatisfiable,
}
