using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Turns an operation of the OpenAPI document into a request: valid-looking first (path, query, headers and
/// body from the document and the playground's names, admin credentials), then damaged by zero to three
/// mutations. What is drawn depends only on the seed and the operation order: values learnt from the server
/// (commit and key IDs) fill slots, but never change a draw, so a seed replays the same requests.
/// </summary>
public sealed class RequestGenerator(FuzzWorld world, FuzzRandom random, FuzzCredentials admin, string host)
{
    private enum Category
    {
        Path,
        Query,
        Body,
        ContentType,
        Header,
        Auth,
        Wire,
    }

    private readonly JsonBodyGenerator _json = new(world, random);
    private readonly JsonBodyMutator _jsonMutator = new(random);
    private readonly QueryMutator _queryMutator = new(random);

    public FuzzRequest Generate(OperationShape shape, int index)
    {
        var draft = new RequestDraft(shape);
        foreach (var name in shape.PathParameters)
        {
            draft.PathValues[name] = Uri.EscapeDataString(world.ValueFor(name, random));
        }

        foreach (var parameter in shape.QueryParameters.Where(p => p.Required || random.Chance(0.35)))
        {
            var repeat = parameter.Schema.Type == "array" ? random.Between(1, 3) : 1;
            for (var i = 0; i < repeat; i++)
            {
                draft.Query.Add(new QueryPair(parameter.Name, Uri.EscapeDataString(QueryValue(parameter))));
            }
        }

        foreach (var parameter in shape.HeaderParameters.Where(p => p.Required || random.Chance(0.3)))
        {
            draft.Headers.Add(KeyValuePair.Create(parameter.Name, HeaderValue(parameter.Name)));
        }

        var mutations = ChooseMutations(shape);
        draft.Mutations.AddRange(mutations.Where(m => !IsWire(m)));
        BuildBody(draft);
        ApplyCredentials(draft);
        foreach (var kind in draft.Mutations.ToList())
        {
            Apply(draft, kind);
        }

        var request = draft.ToRequest(index);
        if (draft.AbsoluteForm)
        {
            request = request with { Target = "http://" + host + request.Target };
        }

        var wire = mutations.Where(IsWire).Cast<MutationKind?>().FirstOrDefault();
        return wire is { } shapeOnTheWire ? WireShapes.Apply(request, shapeOnTheWire, host, admin, random) : request;
    }

    private List<MutationKind> ChooseMutations(OperationShape shape)
    {
        var count = random.Weighted((0, 0.12), (1, 0.6), (2, 0.2), (3, 0.08));
        var chosen = new List<MutationKind>();
        for (var i = 0; i < count; i++)
        {
            var category = random.Weighted(
                (Category.Path, shape.PathParameters.Count > 0 ? 3.0 : 0.0),
                (Category.Query, 1.5),
                (Category.Body, shape.Body is not null ? 4.0 : 0.4),
                (Category.ContentType, shape.Body is not null ? 1.0 : 0.0),
                (Category.Header, 1.0),
                (Category.Auth, chosen.Any(IsAuth) ? 0.0 : 1.0),
                (Category.Wire, chosen.Any(IsWire) ? 0.0 : 0.35));
            var kind = Pick(category, shape);
            if (!chosen.Contains(kind))
            {
                chosen.Add(kind);
            }
        }

        return chosen;
    }

    private MutationKind Pick(Category category, OperationShape shape) => category switch
    {
        Category.Path => random.Weighted(
            (MutationKind.PathDotSegment, 5.0), (MutationKind.PathEncodedSlash, 1.0), (MutationKind.PathEmpty, 1.0), (MutationKind.PathVeryLong, 1.0),
            (MutationKind.PathUnicode, 1.0), (MutationKind.PathControlCharacter, 1.0), (MutationKind.PathInvalidUtf8, 1.0),
            (MutationKind.PathBadPercentEncoding, 1.0), (MutationKind.PathReservedCharacters, 1.0), (MutationKind.PathRawBytes, 0.5)),
        Category.Query => random.Pick(QueryMutator.Kinds),
        Category.Body when shape.TakesUpload => random.Pick<MutationKind>([MutationKind.BodyOversized, MutationKind.BodyEmpty, MutationKind.BodyBrokenMultipart, MutationKind.BodyTruncated]),
        Category.Body when shape.JsonBodySchema is not null => random.Weighted(
            (MutationKind.BodyWrongType, 2.0), (MutationKind.BodyMissingRequired, 2.0), (MutationKind.BodyExtraField, 1.0), (MutationKind.BodyNullField, 1.0),
            (MutationKind.BodyNull, 0.5), (MutationKind.BodyWrongRootType, 0.5), (MutationKind.BodyDeepNesting, 0.7), (MutationKind.BodyOversized, 0.25),
            (MutationKind.BodyInvalidUtf8Value, 1.0), (MutationKind.BodyInvalidUtf8Key, 0.7), (MutationKind.BodyLoneSurrogateEscape, 0.7),
            (MutationKind.BodyTruncated, 1.0), (MutationKind.BodyNotJson, 1.0), (MutationKind.BodyEmpty, 0.7), (MutationKind.BodyDuplicateKey, 0.7),
            (MutationKind.BodyLongString, 1.0), (MutationKind.BodyGlobBomb, 1.0), (MutationKind.BodyUnicodeString, 1.0), (MutationKind.BodyControlCharacter, 1.0),
            (MutationKind.BodyHugeNumber, 0.7), (MutationKind.BodyNegativeNumber, 0.7)),
        Category.Body => MutationKind.BodyUnexpected,
        Category.ContentType => random.Pick<MutationKind>([MutationKind.ContentTypeWrong, MutationKind.ContentTypeMissing, MutationKind.ContentTypeDuplicate, MutationKind.ContentTypeOddCharset]),
        Category.Header => random.Weighted(
            (MutationKind.HeaderHuge, 1.0), (MutationKind.HeaderManyHeaders, 0.5), (MutationKind.HeaderOddParameterValue, shape.HeaderParameters.Count > 0 ? 3.0 : 0.5),
            (MutationKind.HeaderNonAscii, 1.0), (MutationKind.HeaderExpectContinue, 0.5)),
        Category.Auth => random.Weighted((MutationKind.AuthNone, 1.0), (MutationKind.AuthWrongSecret, 1.0), (MutationKind.AuthMalformed, 1.0)),
        _ => random.Pick(WireShapes.Kinds),
    };

    private static bool IsWire(MutationKind kind) => WireShapes.Kinds.Contains(kind);

    // One request carries one kind of credentials, so at most one credential mutation.
    private static bool IsAuth(MutationKind kind) => kind is MutationKind.AuthNone or MutationKind.AuthWrongSecret or MutationKind.AuthMalformed;

    private string QueryValue(Tarn.Testing.SpecParameter parameter) => parameter.Schema.Type switch
    {
        "boolean" => random.Chance(0.7) ? "false" : "true",
        "integer" when parameter.Name is not ("amount" or "parts") => random.Between(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when parameter.Schema.EnumValues.Count > 0 => random.Pick(parameter.Schema.EnumValues),
        _ => world.ValueFor(parameter.Name, random),
    };

    private string HeaderValue(string name) => name switch
    {
        "Range" => random.Pick<string>(["bytes=0-9", "bytes=5-", "bytes=-3"]),
        "If-None-Match" => "*",
        _ => "\"" + random.Hex(32) + "\"",
    };

    private void BuildBody(RequestDraft draft)
    {
        var shape = draft.Shape;
        var bodyKinds = draft.Mutations.Where(m => m.ToString().StartsWith("Body", StringComparison.Ordinal)).ToList();
        if (shape.TakesUpload)
        {
            UploadBodies.Build(draft, bodyKinds, random);
            return;
        }

        if (shape.JsonBodySchema is { } schema)
        {
            if (bodyKinds.Count == 0 && shape.Body is { Required: false } && random.Chance(0.2))
            {
                return;
            }

            var (bytes, note) = _jsonMutator.Apply(_json.Generate(shape.OperationId, schema), bodyKinds);
            draft.Body = bytes;
            draft.Note = note;
            draft.Headers.Add(KeyValuePair.Create("Content-Type", "application/json"));
            return;
        }

        if (bodyKinds.Contains(MutationKind.BodyUnexpected))
        {
            draft.Body = Encoding.UTF8.GetBytes(random.Chance(0.5) ? "{\"name\":\"" + random.FreshName() + "\"}" : random.Pick(FuzzValues.NotJson));
            draft.Headers.Add(KeyValuePair.Create("Content-Type", random.Chance(0.7) ? "application/json" : "text/plain"));
        }
    }

    private void ApplyCredentials(RequestDraft draft)
    {
        if (draft.Mutations.Contains(MutationKind.AuthNone))
        {
            draft.Credentials = "none";
            return;
        }

        if (draft.Mutations.Contains(MutationKind.AuthWrongSecret))
        {
            draft.Credentials = "wrong secret";
            draft.Headers.Add(KeyValuePair.Create("Authorization", FuzzCredentials.Basic(world.WrongSecretKeyId(random), random.Letters(40))));
            return;
        }

        if (draft.Mutations.Contains(MutationKind.AuthMalformed))
        {
            draft.Credentials = "malformed";
            switch (random.Next(4))
            {
                case 0:
                    draft.Headers.Add(KeyValuePair.Create("Authorization", random.Pick(FuzzValues.MalformedAuthorization)));
                    break;
                case 1:
                    var secretWithColons = world.WrongSecretKeyId(random) + ":" + random.Pick<string>(["b:c", "\u00ff", "", ":"]);
                    draft.Headers.Add(KeyValuePair.Create("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(secretWithColons))));
                    break;
                case 2:
                    draft.Headers.Add(KeyValuePair.Create("Cookie", "internal_auth_session=" + random.Pick<string>(["garbage", "", "a.b.c", world.AdminJwt + "x", "%ff"])));
                    break;
                default:
                    draft.Headers.Add(KeyValuePair.Create("Authorization", admin.BasicHeader));
                    draft.Headers.Add(KeyValuePair.Create("Authorization", random.Pick(FuzzValues.MalformedAuthorization)));
                    break;
            }

            return;
        }

        var how = random.Weighted(("basic", 0.85), ("bearer", 0.08), ("cookie", 0.07));
        draft.Credentials = $"admin ({how})";
        draft.Headers.Add(how switch
        {
            "basic" => KeyValuePair.Create("Authorization", admin.BasicHeader),
            "bearer" => KeyValuePair.Create("Authorization", "Bearer " + world.AdminJwt),
            _ => KeyValuePair.Create("Cookie", "internal_auth_session=" + world.AdminJwt),
        });
    }

    private void Apply(RequestDraft draft, MutationKind kind)
    {
        switch (kind)
        {
            case MutationKind.PathDotSegment: DotSegment(draft); break;
            case MutationKind.PathEncodedSlash: SetPathValue(draft, kind, random.Pick(FuzzValues.EncodedSlashes)); break;
            case MutationKind.PathEmpty: SetPathValue(draft, kind, ""); break;
            case MutationKind.PathVeryLong:
                var length = random.Pick<int>([300, 1_024, 4_096, 9_000]);
                SetPathValue(draft, kind, random.Chance(0.5) ? new string('a', length) : string.Concat(Enumerable.Repeat("%41", length / 3)));
                break;
            case MutationKind.PathUnicode: SetPathValue(draft, kind, Uri.EscapeDataString(random.Pick(FuzzValues.Unicode))); break;
            case MutationKind.PathControlCharacter: SetPathValue(draft, kind, random.Pick(FuzzValues.ControlCharacters)); break;
            case MutationKind.PathInvalidUtf8: SetPathValue(draft, kind, random.Pick(FuzzValues.InvalidUtf8)); break;
            case MutationKind.PathBadPercentEncoding: SetPathValue(draft, kind, random.Pick(FuzzValues.BadPercentEncoding)); break;
            case MutationKind.PathReservedCharacters: SetPathValue(draft, kind, random.Pick(FuzzValues.ReservedCharacters)); break;
            case MutationKind.PathRawBytes: SetPathValue(draft, kind, random.Pick(FuzzValues.RawBytes)); break;
            case MutationKind.ContentTypeWrong: ReplaceContentType(draft, random.Pick(FuzzValues.WrongContentTypes)); break;
            case MutationKind.ContentTypeMissing: draft.Headers.RemoveAll(h => h.Key == "Content-Type"); break;
            case MutationKind.ContentTypeDuplicate:
                draft.Headers.Add(KeyValuePair.Create("Content-Type", random.Pick<string>(["text/plain", "application/json", "application/xml", "multipart/form-data; boundary=y"])));
                break;
            case MutationKind.ContentTypeOddCharset: ReplaceContentType(draft, random.Pick(FuzzValues.OddCharsets)); break;
            case MutationKind.HeaderHuge:
                var size = random.Pick<int>([4_000, 16_000, 40_000, 70_000]);
                draft.Headers.Add(KeyValuePair.Create(random.Chance(0.7) ? "X-Fuzz-Padding" : "Accept", new string('p', size)));
                draft.Note = Join(draft.Note, $"a {size:N0}-byte header");
                break;
            case MutationKind.HeaderManyHeaders:
                var count = random.Pick<int>([60, 99, 150]);
                draft.Headers.AddRange(Enumerable.Range(0, count).Select(i => KeyValuePair.Create("X-Fuzz-" + i, "v")));
                break;
            case MutationKind.HeaderOddParameterValue:
                var name = draft.Shape.HeaderParameters.Count > 0 ? random.Pick(draft.Shape.HeaderParameters).Name : "Range";
                draft.Headers.RemoveAll(h => h.Key == name);
                draft.Headers.Add(KeyValuePair.Create(name, random.Pick(FuzzValues.OddHeaderValues)));
                break;
            case MutationKind.HeaderNonAscii:
                draft.Headers.Add(KeyValuePair.Create(random.Pick<string>(["X-Fuzz", "Accept-Language", "If-None-Match", "Range"]), random.Pick<string>(["caf\u00e9", "\u00ff\u00fe", "a\u0001b", "\u00e6\u0097\u00a5"])));
                break;
            case MutationKind.HeaderExpectContinue:
                draft.Headers.Add(KeyValuePair.Create("Expect", random.Chance(0.7) ? "100-continue" : "bogus"));
                break;
            default:
                if (QueryMutator.Kinds.Contains(kind))
                {
                    draft.Note = Join(draft.Note, _queryMutator.Apply(draft, kind));
                }

                break;
        }
    }

    /// <summary>
    /// A dot segment in place of one path parameter. Most of the time the parameters before it name
    /// sentinels, so that a server which removed the segment would act on a sentinel.
    /// </summary>
    private void DotSegment(RequestDraft draft)
    {
        var names = draft.Shape.PathParameters;
        var free = names.Where(n => !draft.MutatedPathParameters.Contains(n)).ToList();
        if (free.Count == 0)
        {
            draft.Mutations.Remove(MutationKind.PathDotSegment);
            return;
        }

        var at = names.ToList().IndexOf(random.Pick(free));
        if (random.Chance(0.7))
        {
            for (var i = 0; i < at; i++)
            {
                if (draft.MutatedPathParameters.Add(names[i]))
                {
                    draft.PathValues[names[i]] = SentinelNames.For(names[i], random);
                }
            }

            draft.Note = Join(draft.Note, "dot segment below sentinels");
        }

        draft.MutatedPathParameters.Add(names[at]);
        draft.PathValues[names[at]] = random.Pick(DotSegments.Spellings);
        draft.AbsoluteForm = random.Chance(0.15);
    }

    /// <summary>Puts <paramref name="raw"/> in a path parameter no other mutation took; without one, the mutation is dropped.</summary>
    private void SetPathValue(RequestDraft draft, MutationKind kind, string raw)
    {
        var free = draft.Shape.PathParameters.Where(n => !draft.MutatedPathParameters.Contains(n)).ToList();
        if (free.Count == 0)
        {
            draft.Mutations.Remove(kind);
            return;
        }

        var name = random.Pick(free);
        draft.MutatedPathParameters.Add(name);
        draft.PathValues[name] = raw;
    }

    private static void ReplaceContentType(RequestDraft draft, string value)
    {
        draft.Headers.RemoveAll(h => h.Key == "Content-Type");
        draft.Headers.Add(KeyValuePair.Create("Content-Type", value));
    }

    private static string? Join(string? note, string? more) => more is null ? note : note is null ? more : note + "; " + more;
}
