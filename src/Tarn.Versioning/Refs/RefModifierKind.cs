namespace Tarn.Versioning.Refs;

/// <summary>The modifiers a ref expression can carry after its base (docs/refs.md, "Ref expressions").</summary>
public enum RefModifierKind
{
    /// <summary><c>~N</c>: walk N times to the first parent.</summary>
    Ancestor,
    /// <summary><c>^N</c>: the N-th parent (1-based; 0 is the commit itself).</summary>
    Parent,
    /// <summary><c>@</c>: the branch without its uncommitted changes.</summary>
    CommittedOnly,
    /// <summary><c>$</c>: the branch explicitly including its staging area.</summary>
    WithStaging,
}
