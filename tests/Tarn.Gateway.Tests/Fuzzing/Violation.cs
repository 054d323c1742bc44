namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>The rules of the oracle, one per way of failing.</summary>
internal enum ViolationKind
{
    /// <summary>(a) A 5xx other than 501 NotImplemented (and 503 SlowDown for a key the fuzzer itself throttled).</summary>
    ServerError,

    /// <summary>(b) Reset, closed before a complete answer, or bytes that are not HTTP.</summary>
    ConnectionDropped,

    /// <summary>(b) No complete answer within the timeout.</summary>
    Hang,

    /// <summary>(c) A request without a valid proof of identity got 2xx/3xx.</summary>
    RefusalExpected,

    /// <summary>(c) A refused request changed state anyway.</summary>
    StateChanged,

    /// <summary>(d) A gateway error answer that is not an S3 XML error.</summary>
    NotS3Error,

    /// <summary>(e) The answer is about another operation or object than the raw path names.</summary>
    Misrouted,

    /// <summary>(e) A sentinel object, branch, tag or repository changed.</summary>
    SentinelChanged,

    /// <summary>(f) The server stopped answering health checks or correctly signed requests.</summary>
    HealthLost,

    /// <summary>A request signed as the AWS documentation says was refused as SignatureDoesNotMatch.</summary>
    CorrectSignatureRefused,
}

/// <summary>One broken rule, with what shows it.</summary>
internal sealed record Violation(ViolationKind Kind, string Message);
