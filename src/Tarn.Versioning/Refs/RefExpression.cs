using System.Globalization;

namespace Tarn.Versioning.Refs;

/// <summary>
/// A parsed ref expression (docs/refs.md, "Ref expressions"): a base (the longest leading run without
/// <c>~ ^ @ $</c>) and modifiers applied left to right, e.g. <c>main~2^2</c>.
/// </summary>
public sealed record RefExpression(string Base, IReadOnlyList<RefModifier> Modifiers)
{
    private static readonly char[] ModifierChars = ['~', '^', '@', '$'];

    /// <summary>True for <c>base@</c> (committed only).</summary>
    public bool IsCommittedOnly => Modifiers is [{ Kind: RefModifierKind.CommittedOnly }];

    /// <summary>True for <c>base$</c> (explicit staging).</summary>
    public bool IsWithStaging => Modifiers is [{ Kind: RefModifierKind.WithStaging }];

    /// <summary>
    /// Parses <paramref name="expression"/>; failures are 400 <c>ref: invalid value: validation error</c>
    /// (prefixed with the offending modifier where lakeFS does so).
    /// </summary>
    public static RefExpression Parse(string? expression)
    {
        if (!IdentifierRules.IsRef(expression))
        {
            throw RefErrors.InvalidRef();
        }

        var baseEnd = expression!.IndexOfAny(ModifierChars);
        if (baseEnd == 0)
        {
            throw RefErrors.InvalidRef();
        }

        if (baseEnd < 0)
        {
            return new RefExpression(expression, []);
        }

        var modifiers = new List<RefModifier>();
        var position = baseEnd;
        while (position < expression.Length)
        {
            var next = expression.IndexOfAny(ModifierChars, position + 1);
            var end = next < 0 ? expression.Length : next;
            modifiers.Add(ParseModifier(expression[position], expression.AsSpan(position + 1, end - position - 1), expression[position..end]));
            position = end;
        }

        // @ and $ select a view of a branch: alone, and nothing may follow them.
        if (modifiers.Count > 1 && modifiers.Exists(m => m.Kind is RefModifierKind.CommittedOnly or RefModifierKind.WithStaging))
        {
            throw RefErrors.InvalidRef();
        }

        return new RefExpression(expression[..baseEnd], modifiers);
    }

    private static RefModifier ParseModifier(char symbol, ReadOnlySpan<char> argument, string text)
    {
        switch (symbol)
        {
            case '@':
            case '$':
                if (!argument.IsEmpty)
                {
                    throw RefErrors.InvalidRef();
                }

                return new RefModifier(symbol == '@' ? RefModifierKind.CommittedOnly : RefModifierKind.WithStaging, 0);
            default:
                var count = 1;
                if (!argument.IsEmpty && !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                {
                    throw RefErrors.InvalidRef($"could not parse modifier {text}");
                }

                return new RefModifier(symbol == '~' ? RefModifierKind.Ancestor : RefModifierKind.Parent, count);
        }
    }
}
