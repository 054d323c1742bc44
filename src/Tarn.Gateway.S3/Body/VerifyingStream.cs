namespace Tarn.Gateway.S3.Body;

/// <summary>
/// Passes a body through while computing the declared digests (<c>x-amz-content-sha256</c>,
/// <c>Content-MD5</c>, <c>x-amz-checksum-*</c>); at the end of the body a mismatch throws instead of
/// reporting the end. Nothing is buffered, and a consumer that records an object only after reading to
/// the end can never record a corrupted one.
/// </summary>
public sealed class VerifyingStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly IReadOnlyList<BodyCheck> _checks;
    private bool _verified;

    public VerifyingStream(Stream inner, IReadOnlyList<BodyCheck> checks)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _checks = checks ?? throw new ArgumentNullException(nameof(checks));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            foreach (var check in _checks)
            {
                check.Append(buffer.Span[..read]);
            }

            return read;
        }

        if (!_verified)
        {
            foreach (var check in _checks)
            {
                check.Verify();
            }

            _verified = true;
        }

        return 0;
    }
}
