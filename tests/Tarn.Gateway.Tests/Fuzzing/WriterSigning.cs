using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Signs the writer's requests correctly, in every way clients do: SigV4 in the header (with a hashed,
/// unsigned or aws-chunked payload — signed, signed with a trailer, unsigned with a trailer), SigV4
/// presigned, SigV2 in the header and presigned; sometimes virtual-host style. Each is valid as the AWS
/// documentation computes it, so the gateway must never answer SignatureDoesNotMatch.
/// </summary>
internal static class WriterSigning
{
    /// <summary>Signs <paramref name="request"/> with the writer's key; returns the signing style.</summary>
    public static string Sign(CaseContext c, RawHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        var virtualHost = c.Chance(10) && ToVirtualHost(c, request);
        if (!virtualHost && c.Chance(4))
        {
            // Host spellings a proxy or client may produce; the signature covers the Host exactly as sent.
            var port = c.Targets.Host.Split(':')[1];
            request.SetHeader("Host", c.Pick<string>(
            [
                $"{RawTargetView.GatewayDomain.ToUpperInvariant()}:{port}", $"localhost:{port}", "127.0.0.1", $"{RawTargetView.GatewayDomain}.:{port}",
                $"a.b.{RawTargetView.GatewayDomain}:{port}", $"127.0.0.1:{port}0", $"{RawTargetView.GatewayDomain}",
            ]));
        }

        var key = c.Targets.Writer;
        var roll = c.Random.Next(100);
        if (roll < 10)
        {
            SigV4Signer.Presign(request, key, c.Now, c.Pick<string>(["60", "604800", "1", "3600"]));
            return "sigv4-presigned";
        }

        if (roll < 22)
        {
            SigV2Signer.SignHeader(request, key, c.Now);
            return "sigv2-header";
        }

        if (roll < 28)
        {
            var expires = (c.Now.ToUnixTimeSeconds() + c.Random.Next(60, 100_000)).ToString(CultureInfo.InvariantCulture);
            SigV2Signer.Presign(request, key, expires);
            return "sigv2-presigned";
        }

        return request.Body.Length > 0 || request.Method == "PUT" ? SignPayload(c, request, key) : SignV4(c, request, key, null);
    }

    private static string SignPayload(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        switch (c.Random.Next(10))
        {
            case 0 or 1:
                SignV4(c, request, key, SigV4Signer.UnsignedPayload);
                return "sigv4-unsigned-payload";
            case 2:
                Chunked(c, request, key, SigV4Signer.StreamingSigned, trailer: false);
                return "sigv4-streaming-signed";
            case 3:
                Chunked(c, request, key, SigV4Signer.StreamingUnsignedTrailer, trailer: true);
                return "sigv4-streaming-unsigned-trailer";
            case 4:
                Chunked(c, request, key, SigV4Signer.StreamingSignedTrailer, trailer: true);
                return "sigv4-streaming-signed-trailer";
            case 5 when c.Chance(50):
                // HTTP's own chunked transfer coding: no Content-Length, the length is known only at the end.
                SignV4(c, request, key, c.Chance(50) ? SigV4Signer.UnsignedPayload : null);
                request.OmitContentLength = true;
                request.SetHeader("Transfer-Encoding", "chunked");
                request.Body = HttpChunked(request.Body, c.Pick<int>([1, 100, 4096]));
                return "sigv4-http-chunked";
            default:
                SignV4(c, request, key, null);
                return "sigv4-header";
        }
    }

    private static string SignV4(CaseContext c, RawHttpRequest request, FuzzKey key, string? payloadHash)
    {
        SigV4Signer.SignHeader(request, key, new SigV4Options
        {
            Time = c.Now,
            PayloadHash = payloadHash,
            // Regions and services are taken as sent (lakeFS's leniency): any scope signs.
            Region = c.Chance(10) ? c.Pick<string>(["eu-west-1", "auto", "x"]) : "us-east-1",
        });
        return "sigv4-header";
    }

    /// <summary>Replaces the body with its aws-chunked encoding, signed (chunk signatures chained on the request's) or not.</summary>
    public static SigV4Signing Chunked(CaseContext c, RawHttpRequest request, FuzzKey key, string mode, bool trailer, Action<AwsChunkedBody>? mutate = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        var data = request.Body;
        request.SetHeader("Content-Encoding", "aws-chunked");
        request.SetHeader("x-amz-decoded-content-length", data.Length.ToString(CultureInfo.InvariantCulture));
        if (trailer)
        {
            request.SetHeader("x-amz-trailer", "x-amz-checksum-sha256");
        }

        // The seed signature covers the headers only; the body it announces is signed chunk by chunk.
        var signing = SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = mode });
        var trailerLines = trailer ? [("x-amz-checksum-sha256", AwsChunkedBody.Sha256Base64(data))] : Array.Empty<(string, string)>();
        // Small chunks stress the framing; many thousands of them would only cost time.
        var chunkSize = c.Pick<int>([1, 7, 64, 8192, 65536]);
        chunkSize = data.Length / chunkSize > 4096 ? 65536 : chunkSize;
        var body = AwsChunkedBody.Create(data, chunkSize, mode == SigV4Signer.StreamingUnsignedTrailer ? null : signing, trailerLines);
        mutate?.Invoke(body);
        request.Body = body.ToBytes();
        return signing;
    }

    private static byte[] HttpChunked(byte[] data, int chunkSize)
    {
        using var body = new MemoryStream();
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            var chunk = data.AsSpan(offset, Math.Min(chunkSize, data.Length - offset));
            body.Write(Wire.Bytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            body.Write(chunk);
            body.Write("\r\n"u8);
        }

        body.Write("0\r\n\r\n"u8);
        return body.ToArray();
    }

    // Moves the repository from the path into the Host (virtual-host style), when it can be a DNS label.
    private static bool ToVirtualHost(CaseContext c, RawHttpRequest request)
    {
        var path = request.RawPath;
        var parts = path.Split('/', 3);
        if (parts.Length < 2 || parts[1].Length is < 3 or > 63 || !parts[1].All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-'))
        {
            return false;
        }

        var port = c.Targets.Host.Split(':')[1];
        request.SetHeader("Host", $"{parts[1]}.{RawTargetView.GatewayDomain}:{port}");
        request.Target = "/" + (parts.Length > 2 ? parts[2] : "") + request.Target[path.Length..];
        return true;
    }
}
