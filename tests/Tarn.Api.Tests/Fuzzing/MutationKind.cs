namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// What the generator did to a request beyond making it valid-looking. Reports group findings by these, and
/// known-open findings are matched on them, so the names stay stable.
/// </summary>
public enum MutationKind
{
    // Path parameters (the value of one {parameter} of the operation's path, sent as raw bytes)
    PathDotSegment,
    PathEncodedSlash,
    PathEmpty,
    PathVeryLong,
    PathUnicode,
    PathControlCharacter,
    PathInvalidUtf8,
    PathBadPercentEncoding,
    PathReservedCharacters,
    PathRawBytes,

    // Query string
    QueryWrongType,
    QueryNegativeNumber,
    QueryHugeNumber,
    QueryRepeatedKey,
    QueryInvalidUtf8,
    QueryMissingRequired,
    QueryEmptyValue,
    QueryUnknownKey,
    QueryLongValue,
    QueryControlCharacter,
    QueryUnicode,
    QueryBadPercentEncoding,

    // Request bodies
    BodyWrongType,
    BodyMissingRequired,
    BodyExtraField,
    BodyNullField,
    BodyNull,
    BodyWrongRootType,
    BodyDeepNesting,
    BodyOversized,
    BodyInvalidUtf8Value,
    BodyInvalidUtf8Key,
    BodyLoneSurrogateEscape,
    BodyTruncated,
    BodyNotJson,
    BodyEmpty,
    BodyDuplicateKey,
    BodyLongString,
    BodyGlobBomb,
    BodyUnicodeString,
    BodyControlCharacter,
    BodyHugeNumber,
    BodyNegativeNumber,
    BodyUnexpected,
    BodyBrokenMultipart,

    // Content type of the body
    ContentTypeWrong,
    ContentTypeMissing,
    ContentTypeDuplicate,
    ContentTypeOddCharset,

    // Other headers
    HeaderHuge,
    HeaderManyHeaders,
    HeaderOddParameterValue,
    HeaderNonAscii,
    HeaderExpectContinue,

    // Credentials
    AuthNone,
    AuthWrongSecret,
    AuthMalformed,

    // Wire shapes only a raw socket can send
    WireBogusTransferEncoding,
    WireAbsurdContentLengthThenClose,
    WireContentLengthAndChunked,
    WireDuplicateContentLength,
    WireBareLineFeeds,
    WireBadChunkFraming,
    WireObsoleteLineFolding,
    WireHttp10,
}
