using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Damages a generated JSON body. Changes a JSON tree can express (wrong types, missing or extra fields,
/// odd strings) are made on the tree; bytes no serializer writes (invalid UTF-8, lone surrogate escapes,
/// 10,000 nested arrays, numbers beyond any .NET type) are spliced in after serialization in place of a
/// unique placeholder string; whole-body damage (truncation, not JSON at all) replaces the bytes.
/// </summary>
public sealed class JsonBodyMutator(FuzzRandom random)
{
    public static readonly IReadOnlySet<MutationKind> Kinds = new HashSet<MutationKind>
    {
        MutationKind.BodyWrongType, MutationKind.BodyMissingRequired, MutationKind.BodyExtraField, MutationKind.BodyNullField,
        MutationKind.BodyNull, MutationKind.BodyWrongRootType, MutationKind.BodyDeepNesting, MutationKind.BodyOversized,
        MutationKind.BodyInvalidUtf8Value, MutationKind.BodyInvalidUtf8Key, MutationKind.BodyLoneSurrogateEscape,
        MutationKind.BodyTruncated, MutationKind.BodyNotJson, MutationKind.BodyEmpty, MutationKind.BodyDuplicateKey,
        MutationKind.BodyLongString, MutationKind.BodyGlobBomb, MutationKind.BodyUnicodeString, MutationKind.BodyControlCharacter,
        MutationKind.BodyHugeNumber, MutationKind.BodyNegativeNumber,
    };

    private const string SplicePrefix = "@@fz-splice-";

    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Placeholder, byte[] Raw)> _splices = [];
    private readonly List<string> _notes = [];
    private JsonNode? _root;
    private IReadOnlyList<(JsonObject Owner, string Name)> _required = [];
    private byte[]? _replacement;
    private bool _truncate;

    /// <summary>Applies <paramref name="kinds"/> to <paramref name="body"/> and returns the bytes, with a note of what was done.</summary>
    public (byte[] Bytes, string? Note) Apply(GeneratedJson body, IReadOnlyList<MutationKind> kinds)
    {
        _root = body.Root;
        _required = body.RequiredFields;
        _splices.Clear();
        _notes.Clear();
        _replacement = null;
        _truncate = false;
        foreach (var kind in kinds)
        {
            Mutate(kind);
        }

        var bytes = _replacement ?? Serialize();
        if (_truncate && bytes.Length > 1)
        {
            var keep = random.Between(0, bytes.Length - 1);
            _notes.Add($"truncated to {keep} of {bytes.Length} bytes");
            bytes = bytes[..keep];
        }

        return (bytes, _notes.Count == 0 ? null : string.Join("; ", _notes));
    }

    private void Mutate(MutationKind kind)
    {
        switch (kind)
        {
            case MutationKind.BodyNull: _replacement = "null"u8.ToArray(); break;
            case MutationKind.BodyEmpty: _replacement = []; break;
            case MutationKind.BodyNotJson: _replacement = Encoding.UTF8.GetBytes(random.Pick(FuzzValues.NotJson)); break;
            case MutationKind.BodyTruncated: _truncate = true; break;
            case MutationKind.BodyWrongRootType: WrongRoot(); break;
            case MutationKind.BodyWrongType: Replace(AnyLocation(), WrongTypeFor); break;
            case MutationKind.BodyMissingRequired: RemoveRequired(); break;
            case MutationKind.BodyExtraField: AddField("fz_extra_" + random.Letters(3), random.Chance(0.5) ? random.Letters(5) : new JsonObject { ["x"] = 1 }); break;
            case MutationKind.BodyNullField: Replace(AnyLocation(), _ => null); break;
            case MutationKind.BodyDeepNesting: Splice(AnyLocation(), DeepNesting()); break;
            case MutationKind.BodyOversized: Oversized(); break;
            case MutationKind.BodyInvalidUtf8Value: Splice(StringLocation(), InvalidUtf8String()); break;
            case MutationKind.BodyInvalidUtf8Key: InvalidKey(InvalidUtf8String()); break;
            case MutationKind.BodyLoneSurrogateEscape:
                var surrogate = Encoding.ASCII.GetBytes(random.Pick<string>(["\"a\\ud800b\"", "\"\\udc00\"", "\"\\ud83d\"", "\"x\\udfff\\ud800\""]));
                if (random.Chance(0.7))
                {
                    Splice(StringLocation(), surrogate);
                }
                else
                {
                    InvalidKey(surrogate);
                }

                break;
            case MutationKind.BodyDuplicateKey: DuplicateKey(); break;
            case MutationKind.BodyLongString:
                var length = random.Pick<int>([300, 2_000, 2_048, 5_000, 70_000]);
                _notes.Add($"string of {length:N0} chars");
                Replace(StringLocation(), _ => random.Chance(0.5) ? new string('a', length) : string.Concat(Enumerable.Repeat("fz-", (length / 3) + 1))[..length]);
                break;
            case MutationKind.BodyGlobBomb:
                var bomb = random.Pick<string>([string.Concat(Enumerable.Repeat("*a", 1_000)) + "b", string.Concat(Enumerable.Repeat("*", 5_000)), string.Concat(Enumerable.Repeat("?*", 800)), string.Concat(Enumerable.Repeat("[", 2_000)), string.Concat(Enumerable.Repeat("**/", 700))]);
                _notes.Add($"glob-like string of {bomb.Length:N0} chars starting {bomb[..6]}");
                Replace(StringLocation(), _ => bomb);
                break;
            case MutationKind.BodyUnicodeString: Replace(StringLocation(), _ => random.Pick(FuzzValues.JsonUnicode) + (random.Chance(0.5) ? random.Letters(3) : "")); break;
            case MutationKind.BodyControlCharacter: Replace(StringLocation(), _ => random.Pick(FuzzValues.JsonControl)); break;
            case MutationKind.BodyHugeNumber: Splice(NumberLocation(), Encoding.ASCII.GetBytes(random.Pick(FuzzValues.HugeJsonNumbers))); break;
            case MutationKind.BodyNegativeNumber: Splice(NumberLocation(), Encoding.ASCII.GetBytes(random.Pick(FuzzValues.NegativeJsonNumbers))); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a JSON body mutation");
        }
    }

    private byte[] Serialize()
    {
        var json = _root is null ? "null" : _root.ToJsonString(random.Chance(0.5) ? RawUnicode : JsonSerializerOptions.Default);
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var (placeholder, raw) in _splices)
        {
            var quoted = Encoding.UTF8.GetBytes("\"" + placeholder + "\"");
            var at = bytes.AsSpan().IndexOf(quoted);
            if (at >= 0)
            {
                bytes = [.. bytes.AsSpan(0, at), .. raw, .. bytes.AsSpan(at + quoted.Length)];
            }
        }

        return bytes;
    }

    private void WrongRoot()
    {
        var shape = random.Next(5);
        _notes.Add("root of another JSON type");
        _root = shape switch
        {
            0 => new JsonArray(_root?.DeepClone()),
            1 => JsonValue.Create("body"),
            2 => JsonValue.Create(42),
            3 => JsonValue.Create(true),
            _ => _root is JsonArray ? new JsonObject() : new JsonArray(),
        };
    }

    /// <summary>Every place a value sits in the tree: (container, property name or item index).</summary>
    private List<(JsonNode Container, object Key)> Locations()
    {
        var result = new List<(JsonNode, object)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj.ToList())
                    {
                        result.Add((obj, name));
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        result.Add((array, i));
                        Walk(array[i]);
                    }

                    break;
            }
        }

        Walk(_root);
        // A placeholder stands for bytes spliced in later: replacing it would silently drop that mutation.
        return result.Where(l => !(Get(l) is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(SplicePrefix, StringComparison.Ordinal))).ToList();
    }

    private (JsonNode Container, object Key)? AnyLocation()
    {
        var all = Locations();
        return all.Count == 0 ? null : random.Pick(all);
    }

    private (JsonNode Container, object Key)? StringLocation() => LocationWhere(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String);

    private (JsonNode Container, object Key)? NumberLocation() => LocationWhere(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.Number);

    private (JsonNode Container, object Key)? LocationWhere(Func<JsonNode?, bool> wanted)
    {
        var all = Locations();
        var matching = all.Where(l => wanted(Get(l))).ToList();
        return matching.Count > 0 ? random.Pick(matching) : all.Count > 0 ? random.Pick(all) : null;
    }

    private static JsonNode? Get((JsonNode Container, object Key) location) =>
        location.Key is string name ? location.Container[name] : location.Container[(int)location.Key];

    private void Replace((JsonNode Container, object Key)? location, Func<JsonNode?, JsonNode?> replacement)
    {
        if (location is not { } at)
        {
            // An empty body: the new value becomes a field (or the root, when the root is no object).
            AddField("fz", replacement(null));
            return;
        }

        var value = replacement(Get(at));
        if (at.Key is string name)
        {
            at.Container[name] = value;
        }
        else
        {
            at.Container[(int)at.Key] = value;
        }

        _notes.Add("changed " + Describe(at));
    }

    private void Splice((JsonNode Container, object Key)? location, byte[] raw)
    {
        var placeholder = SplicePrefix + _splices.Count + "@@";
        _splices.Add((placeholder, raw));
        Replace(location, _ => placeholder);
    }

    private void AddField(string name, JsonNode? value)
    {
        var owners = Locations().Select(Get).OfType<JsonObject>().ToList();
        if (_root is JsonObject root)
        {
            owners.Add(root);
        }

        if (owners.Count == 0)
        {
            _root = new JsonObject { [name] = value };
            _notes.Add($"body replaced by an object with '{name}'");
            return;
        }

        var owner = random.Pick(owners);
        owner[name] = value;
        _notes.Add($"added field '{name}'");
    }

    private void InvalidKey(byte[] rawKey)
    {
        var placeholder = SplicePrefix + _splices.Count + "@@";
        _splices.Add((placeholder, rawKey));
        AddField(placeholder, random.Letters(4));
    }

    private void RemoveRequired()
    {
        var present = _required.Where(r => r.Owner.ContainsKey(r.Name)).ToList();
        if (present.Count == 0)
        {
            _replacement ??= "{}"u8.ToArray();
            _notes.Add("no required field to remove: body {}");
            return;
        }

        var (owner, name) = random.Pick(present);
        owner.Remove(name);
        _notes.Add($"removed required '{name}'");
    }

    private void DuplicateKey()
    {
        var fields = Locations().Where(l => l.Key is string).ToList();
        if (fields.Count == 0)
        {
            AddField("fz", 1);
            return;
        }

        var (container, key) = random.Pick(fields);
        var name = (string)key;
        var duplicate = random.Chance(0.5) ? name : name.ToUpperInvariant();
        var placeholder = SplicePrefix + _splices.Count + "@@";
        _splices.Add((placeholder, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(duplicate))));
        ((JsonObject)container)[placeholder] = container[name]?.DeepClone() ?? random.Letters(3);
        _notes.Add($"field '{name}' given twice (as '{duplicate}')");
    }

    private void Oversized()
    {
        var megabytes = random.Between(3, 7);
        var size = (megabytes * 1024 * 1024) + random.Next(1024);
        _notes.Add($"a {size:N0}-byte string value");
        var raw = new byte[size + 2];
        raw.AsSpan().Fill((byte)'a');
        raw[0] = raw[^1] = (byte)'"';
        Splice(StringLocation(), raw);
    }

    private byte[] DeepNesting()
    {
        var depth = random.Pick<int>([65, 1_000, 10_000, 100_000]);
        var arrays = random.Chance(0.7);
        _notes.Add($"{depth:N0} nested {(arrays ? "arrays" : "objects")}");
        var text = new StringBuilder(depth * 6);
        for (var i = 0; i < depth; i++)
        {
            text.Append(arrays ? "[" : "{\"a\":");
        }

        text.Append(arrays ? "" : "1");
        text.Append(arrays ? ']' : '}', depth);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private byte[] InvalidUtf8String()
    {
        var bad = random.Pick(FuzzValues.InvalidUtf8Bytes);
        _notes.Add("invalid UTF-8 " + string.Concat(bad.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))));
        return [(byte)'"', .. "fz"u8, .. bad, .. "x"u8, (byte)'"'];
    }

    private JsonNode? WrongTypeFor(JsonNode? current) => current switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => random.Pick<JsonNode?>([42, true, new JsonObject(), new JsonArray(), 1.5]),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => random.Pick<JsonNode?>(["12", true, new JsonArray(), new JsonObject()]),
        JsonValue => random.Pick<JsonNode?>(["true", 1, new JsonArray()]),
        JsonObject => random.Pick<JsonNode?>([new JsonArray(), "object", 1]),
        JsonArray => random.Pick<JsonNode?>([new JsonObject(), "array", 1, new JsonArray(new JsonArray())]),
        _ => "null",
    };

    private static string Describe((JsonNode Container, object Key) location) =>
        location.Container.GetPath() + (location.Key is string name ? "." + name : $"[{location.Key}]");
}
