namespace Tarn.Server.Hosting;

/// <summary>
/// Closes the connection after answering a request that asked for <c>Expect: 100-continue</c> when its body
/// was never read, so no <c>100 Continue</c> was sent: an empty body, or an answer (an error, a redirect)
/// decided before the body. HTTP lets the client then skip sending the body, and boto3 and the AWS CLI do:
/// they send <c>Expect</c> with every upload. Kestrel instead keeps the connection and waits for the body, so
/// the client's next request was read as the old body (a 400), and botocore, which keeps the early answer's
/// status line for the connection, misread the next response and waited out its 60 s read timeout. A closed
/// connection makes both sides start afresh, at the price of one new connection for such answers.
/// </summary>
internal static class ExpectContinueGuard
{
    public static IApplicationBuilder UseExpectContinueGuard(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            var body = new ReadWatchingStream(request.Body);
            request.Body = body;
            context.Response.OnStarting(static state =>
            {
                var (response, watched, empty) = ((HttpResponse, ReadWatchingStream, bool))state;
                if (empty || !watched.ReadStarted)
                {
                    response.Headers.Connection = "close";
                }

                return Task.CompletedTask;
            }, (context.Response, body, request.ContentLength == 0));
            return next(context);
        });

    /// <summary>Passes reads through and remembers whether one was made (which is when Kestrel sends the 100).</summary>
    private sealed class ReadWatchingStream(Stream inner) : Stream
    {
        public bool ReadStarted { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadStarted = true;
            return inner.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            ReadStarted = true;
            return inner.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            ReadStarted = true;
            return inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            ReadStarted = true;
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
        {
            ReadStarted = true;
            return inner.CopyToAsync(destination, bufferSize, cancellationToken);
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush() => inner.Flush();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
