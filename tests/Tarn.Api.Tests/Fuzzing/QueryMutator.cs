namespace Tarn.Api.Tests.Fuzzing;

/// <summary>Damages the query string: wrong types, numbers out of range, repeated or missing keys, bad bytes.</summary>
public sealed class QueryMutator(FuzzRandom random)
{
    public static readonly IReadOnlyList<MutationKind> Kinds =
    [
        MutationKind.QueryWrongType, MutationKind.QueryNegativeNumber, MutationKind.QueryHugeNumber, MutationKind.QueryRepeatedKey,
        MutationKind.QueryInvalidUtf8, MutationKind.QueryMissingRequired, MutationKind.QueryEmptyValue, MutationKind.QueryUnknownKey,
        MutationKind.QueryLongValue, MutationKind.QueryControlCharacter, MutationKind.QueryUnicode, MutationKind.QueryBadPercentEncoding,
    ];

    /// <summary>Applies one mutation; returns a note when the bytes alone do not say what happened.</summary>
    public string? Apply(RequestDraft draft, MutationKind kind)
    {
        switch (kind)
        {
            case MutationKind.QueryWrongType:
                var typed = Typed(draft);
                SetValue(draft, typed, typed is { } t && draft.Shape.QueryParameters.First(p => p.Name == t).Schema.Type == "boolean"
                    ? random.Pick(FuzzValues.NotABoolean) : random.Pick(FuzzValues.NotAnInteger), escape: true);
                return null;
            case MutationKind.QueryNegativeNumber: SetValue(draft, Typed(draft), random.Pick(FuzzValues.NegativeNumbers), escape: true); return null;
            case MutationKind.QueryHugeNumber: SetValue(draft, Typed(draft), random.Pick(FuzzValues.HugeNumbers), escape: true); return null;
            case MutationKind.QueryRepeatedKey:
                if (draft.Query.Count == 0)
                {
                    var name = KnownOrNew(draft);
                    draft.Query.Add(new QueryPair(name, "1"));
                    draft.Query.Add(new QueryPair(name, "2"));
                    return null;
                }

                var pair = random.Pick(draft.Query);
                draft.Query.Add(random.Chance(0.5) ? pair : pair with { Value = pair.Value + "x" });
                return null;
            case MutationKind.QueryInvalidUtf8:
                if (random.Chance(0.2))
                {
                    draft.Query.Add(new QueryPair(random.Pick(FuzzValues.InvalidUtf8), "1"));
                    return "invalid UTF-8 in a query key";
                }

                SetValue(draft, KnownOrNew(draft), random.Pick(FuzzValues.InvalidUtf8), escape: false);
                return null;
            case MutationKind.QueryMissingRequired:
                var required = draft.Shape.QueryParameters.Where(p => p.Required).Select(p => p.Name).ToList();
                var missing = required.Count > 0 ? random.Pick(required) : draft.Query.Count > 0 ? random.Pick(draft.Query).Key : null;
                draft.Query.RemoveAll(p => p.Key == missing);
                return missing is null ? null : $"no '{missing}'";
            case MutationKind.QueryEmptyValue:
                var key = KnownOrNew(draft);
                draft.Query.RemoveAll(p => p.Key == key);
                draft.Query.Add(new QueryPair(key, random.Chance(0.6) ? "" : null));
                return null;
            case MutationKind.QueryUnknownKey:
                var odd = random.Pick<string>(["fz_unknown=1", "=x", "&&", "a[b]=1", "%00=1", "amount", "=", "%3D=%26", "path=a&path"]);
                draft.Query.Add(new QueryPair(odd, null));
                return null;
            case MutationKind.QueryLongValue:
                var length = random.Pick<int>([1_000, 5_000, 9_000]);
                SetValue(draft, KnownOrNew(draft), random.Chance(0.5) ? new string('q', length) : string.Concat(Enumerable.Repeat("%2F", length / 3)), escape: false);
                return $"{length:N0}-char value";
            case MutationKind.QueryControlCharacter: SetValue(draft, KnownOrNew(draft), random.Pick(FuzzValues.ControlCharacters), escape: false); return null;
            case MutationKind.QueryUnicode: SetValue(draft, KnownOrNew(draft), random.Pick(FuzzValues.Unicode), escape: true); return null;
            case MutationKind.QueryBadPercentEncoding: SetValue(draft, KnownOrNew(draft), random.Pick(FuzzValues.BadPercentEncoding), escape: false); return null;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a query mutation");
        }
    }

    // A numeric or boolean parameter when the operation has one (that is where type checks live), else any.
    private string? Typed(RequestDraft draft)
    {
        var typed = draft.Shape.QueryParameters.Where(p => p.Schema.Type is "integer" or "boolean").Select(p => p.Name).ToList();
        return typed.Count > 0 ? random.Pick(typed) : draft.Shape.QueryParameters.Count > 0 ? random.Pick(draft.Shape.QueryParameters).Name : null;
    }

    private string KnownOrNew(RequestDraft draft) =>
        draft.Shape.QueryParameters.Count > 0 && random.Chance(0.85) ? random.Pick(draft.Shape.QueryParameters).Name : "fz_" + random.Letters(3);

    private static void SetValue(RequestDraft draft, string? name, string value, bool escape)
    {
        name ??= "amount";
        var raw = escape ? Uri.EscapeDataString(value) : value;
        var index = draft.Query.FindIndex(p => p.Key == name);
        if (index >= 0)
        {
            draft.Query[index] = new QueryPair(name, raw);
        }
        else
        {
            draft.Query.Add(new QueryPair(name, raw));
        }
    }
}
