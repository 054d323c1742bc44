namespace Tarn.Gateway.S3.Errors;

/// <summary>
/// Ends a gateway request with an S3 error. Thrown by routing, signing and body decoding (even from inside
/// a body stream's read, which is how a bad chunk signature or digest aborts a write before it is recorded).
/// </summary>
public sealed class S3ErrorException : Exception
{
    public S3ErrorException(S3Error error)
        : base(error?.Message) => Error = error ?? throw new ArgumentNullException(nameof(error));

    public S3ErrorException(S3Error error, string message)
        : this((error ?? throw new ArgumentNullException(nameof(error))).WithMessage(message))
    {
    }

    public S3Error Error { get; }
}
