using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// One generated request, exactly as it goes on the wire. <see cref="OperationId"/> is the operation its
/// raw path names (the one the generator built it for); the server must not act as any other.
/// </summary>
public sealed record FuzzRequest
{
    /// <summary>Position in the run: with the seed, enough to find the request again.</summary>
    public required int Index { get; init; }

    public required string OperationId { get; init; }

    public required string Method { get; init; }

    /// <summary>The raw request target (path and query), one char per byte.</summary>
    public required string Target { get; init; }

    /// <summary>Headers other than Host and Content-Length, in order, one char per byte; names may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    public IReadOnlyList<MutationKind> Mutations { get; init; } = [];

    /// <summary>Who the request claims to be, for the report ("admin (basic)", "none", ...).</summary>
    public string Credentials { get; init; } = "admin (basic)";

    /// <summary>What a mutation did that the bytes do not show at a glance (e.g. "10,000 nested arrays at $.name").</summary>
    public string? Note { get; init; }

    /// <summary>When set, these bytes are sent instead of the request assembled from the fields above.</summary>
    public byte[]? RawWire { get; init; }

    /// <summary>Half-close the connection after sending (a client that promised more body than it sent).</summary>
    public bool CloseAfterSending { get; init; }

    public bool HasDotSegment => DotSegments.InTarget(Target);

    public bool IsHead => Method == "HEAD";

    public bool Has(MutationKind kind) => Mutations.Contains(kind);

    /// <summary>The bytes sent: the raw wire shape, or request line, Host, headers, Content-Length and body.</summary>
    public byte[] ToWire(string host)
    {
        if (RawWire is not null)
        {
            return RawWire;
        }

        var head = new StringBuilder();
        head.Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(host).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (Body is not null)
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = WireText.ToBytes(head.ToString());
        return Body is null ? headBytes : [.. headBytes, .. Body];
    }

    /// <summary>A replayable description: operation, mutations, credentials, then the request escaped.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append('#').Append(Index).Append(' ').Append(OperationId)
            .Append(" [").Append(string.Join(", ", Mutations)).Append("] credentials: ").Append(Credentials).AppendLine();
        if (Note is not null)
        {
            text.Append("  note: ").AppendLine(Note);
        }

        if (RawWire is not null)
        {
            text.Append("  raw wire (").Append(RawWire.Length).Append(" bytes").Append(CloseAfterSending ? ", then half-close" : "")
                .Append("): \"").Append(WireText.Escape(RawWire)).AppendLine("\"");
            return text.ToString();
        }

        text.Append("  ").Append(Method).Append(' ').Append(WireText.Escape(Target)).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append("  ").Append(WireText.Escape(name)).Append(": ").Append(WireText.Escape(value)).AppendLine();
        }

        if (Body is not null)
        {
            text.Append("  body (").Append(Body.Length).Append(" bytes): \"").Append(WireText.Escape(Body)).AppendLine("\"");
        }

        return text.ToString();
    }
}
