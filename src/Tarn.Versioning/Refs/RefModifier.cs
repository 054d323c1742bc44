namespace Tarn.Versioning.Refs;

/// <summary>One modifier of a ref expression; <see cref="Count"/> is used by <c>~</c> and <c>^</c> only.</summary>
public readonly record struct RefModifier(RefModifierKind Kind, int Count);
