using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Correctly signed writes whose body does not hold what the signature or the declared digests promise:
/// a wrong or malformed <c>x-amz-content-sha256</c>, broken aws-chunked framing (chunk sizes, CRLFs, chunk
/// and trailer signatures, truncation, trailers, decoded length), wrong Content-MD5 or checksums, a body
/// shorter than its Content-Length. Each must be refused, and nothing may be stored.
/// </summary>
internal static class BodyMutations
{
    public static (RawHttpRequest Request, string Name, List<StateProbe> Probes) Any(CaseContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        RawHttpRequest request;
        List<StateProbe> probes;
        if (c.Chance(70))
        {
            var path = c.RefusedPath();
            request = c.Request("PUT", $"/{FuzzTargets.FuzzRepository}/main/{path}");
            probes = [new ObjectAbsent(FuzzTargets.FuzzRepository, "main", path)];
        }
        else
        {
            var upload = c.Pick(c.Targets.GuardedUploads);
            request = c.Request("PUT", $"/{FuzzTargets.FuzzRepository}/main/{upload.Path}?partNumber={c.Random.Next(1, 4)}&uploadId={upload.UploadId}");
            probes = [new UploadUnchanged(upload)];
        }

        request.Body = c.Bytes(20_000) is { Length: > 0 } data ? data : [42];
        var key = c.Targets.Writer;
        var name = c.Random.Next(10) switch
        {
            < 5 => "streaming-signed/" + StreamingSigned(c, request, key),
            5 => "streaming-unsigned-trailer/" + UnsignedTrailer(c, request, key),
            6 => "streaming-signed-trailer/" + SignedTrailer(c, request, key),
            7 => "payload-hash/" + PayloadHash(c, request, key),
            8 => "digest/" + Digest(c, request, key),
            _ => "http-framing/" + Framing(c, request, key),
        };
        return (request, name, probes);
    }

    private static string StreamingSigned(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var kind = c.Random.Next(17);
        var name = "";
        var cut = 1;
        WriterSigning.Chunked(c, request, key, SigV4Signer.StreamingSigned, trailer: false, body =>
        {
            var data = body.Frames.Where(f => f.Data.Length > 0).ToList();
            var target = c.Pick(data);
            switch (kind)
            {
                case 0:
                    target.Extension = ";chunk-signature=" + SignatureMutations.Flip(c, target.Extension[";chunk-signature=".Length..]);
                    name = "flip-chunk-signature";
                    break;
                case 1:
                    body.Frames[^1].Extension = ";chunk-signature=" + SignatureMutations.Flip(c, body.Frames[^1].Extension[";chunk-signature=".Length..]);
                    name = "flip-final-chunk-signature";
                    break;
                case 2:
                    target.Extension = c.Pick<string>(["", ";foo=bar", ";chunk-signature=", ";chunk-signature=" + new string('a', 5000)]);
                    name = "chunk-extension";
                    break;
                case 3:
                    target.SizeText = c.Pick<string>(["zz", "-1", "FFFFFFFFFFFFFFFFFFFF", "0x10", " 10", "", "+1", "1 0"]);
                    name = "chunk-size-malformed";
                    break;
                case 4:
                    target.SizeText = (target.Data.Length + c.Random.Next(1, 10)).ToString("x", CultureInfo.InvariantCulture);
                    name = "chunk-size-too-big";
                    break;
                case 5:
                    target.SizeText = (target.Data.Length - 1).ToString("x", CultureInfo.InvariantCulture);
                    name = "chunk-size-too-small";
                    break;
                case 6:
                    target.DataTerminator = c.Pick<string>(["", "\n", "XX", "\r"]);
                    name = "chunk-terminator";
                    break;
                case 7:
                    body.Frames.RemoveAt(body.Frames.Count - 1);
                    body.End = "";
                    name = "final-chunk-missing";
                    break;
                case 8:
                    body.Trailer.Add(c.Pick<string>(["garbage", "x-amz-checksum-sha256:AAAA", ":"]));
                    name = "unexpected-trailer";
                    break;
                case 9:
                    body.Frames.Insert(body.Frames.IndexOf(target), target);
                    name = "chunk-duplicated";
                    break;
                case 10 when data.Count >= 2:
                    (body.Frames[0], body.Frames[1]) = (body.Frames[1], body.Frames[0]);
                    name = "chunks-swapped";
                    break;
                case 11:
                    body.Frames.Remove(target);
                    name = "chunk-dropped";
                    break;
                case 12:
                    target.Data = [.. target.Data];
                    target.Data[0] ^= 0x01;
                    name = "chunk-data-changed";
                    break;
                default:
                    name = "truncated";
                    break;
            }

            // Cut inside the chunks: a body that stops only before its closing empty line still carries every signed chunk.
            cut = c.Random.Next(1, Math.Max(2, body.BytesBeforeFinalChunk));
        });
        if (name == "")
        {
            name = "truncated";
        }

        switch (kind)
        {
            case 13:
                request.SetHeader("x-amz-decoded-content-length", c.Pick<string>(["0", "1", "-1", "abc", "99999999999999999999"]));
                return "decoded-length-changed-after-signing";
            case 14 or 15:
                return DecodedLengthLie(c, request, key, kind == 14 ? -1 : 1);
            case 16:
            case 10 when name == "truncated":
                request.Body = request.Body[..cut];
                return "truncated";
            default:
                return name;
        }
    }

    // A decoded length that disagrees with the chunks, but is signed: the framing, not the signature, must catch it.
    private static string DecodedLengthLie(CaseContext c, RawHttpRequest request, FuzzKey key, int delta)
    {
        var data = c.Bytes(5000) is { Length: > 1 } bytes ? bytes : [1, 2];
        request.Body = data;
        WriterSigning.Chunked(c, request, key, SigV4Signer.StreamingSigned, trailer: false);
        var signed = request.Clone();
        signed.Body = data;
        signed.SetHeader("x-amz-decoded-content-length", (data.Length + delta).ToString(CultureInfo.InvariantCulture));
        var signing = SigV4Signer.SignHeader(signed, key, new SigV4Options { Time = c.Now, PayloadHash = SigV4Signer.StreamingSigned });
        request.Headers.Clear();
        request.Headers.AddRange(signed.Headers);
        request.Body = AwsChunkedBody.Create(data, 1024, signing, []).ToBytes();
        return delta < 0 ? "decoded-length-too-small" : "decoded-length-too-big";
    }

    private static string UnsignedTrailer(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var kind = c.Random.Next(6);
        WriterSigning.Chunked(c, request, key, SigV4Signer.StreamingUnsignedTrailer, trailer: true, body =>
        {
            switch (kind)
            {
                case 0:
                    body.Trailer[0] = "x-amz-checksum-sha256:" + AwsChunkedBody.Sha256Base64([1, 2, 3]);
                    break;
                case 1:
                    body.Trailer.Clear();
                    break;
                case 2:
                    body.Trailer[0] = "x-amz-checksum-crc32:AAAAAA==";
                    break;
                case 3:
                    body.Trailer[0] = "no colon at all";
                    break;
                case 4:
                    body.Trailer.InsertRange(0, Enumerable.Range(0, 17).Select(i => $"x-extra-{i}:v"));
                    break;
                default:
                    body.Trailer[0] = "x-amz-checksum-sha256:%%%not-base64";
                    break;
            }
        });
        if (kind == 5 && c.Chance(50))
        {
            request.SetHeader("x-amz-trailer", c.Pick<string>(["x-amz-checksum-md5", "x-amz-meta-x", "garbage"]));
            return "trailer-announced-unsupported";
        }

        return kind switch
        {
            0 => "trailer-checksum-wrong",
            1 => "trailer-missing",
            2 => "trailer-other-than-announced",
            3 => "trailer-line-malformed",
            4 => "trailer-too-many-lines",
            _ => "trailer-checksum-not-base64",
        };
    }

    private static string SignedTrailer(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var kind = c.Random.Next(3);
        if (kind == 2)
        {
            // The trailer's signature is right for a checksum that is wrong: the checksum, not the signature, must catch it.
            var data = request.Body;
            request.SetHeader("Content-Encoding", "aws-chunked");
            request.SetHeader("x-amz-decoded-content-length", data.Length.ToString(CultureInfo.InvariantCulture));
            request.SetHeader("x-amz-trailer", "x-amz-checksum-sha256");
            var signing = SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = SigV4Signer.StreamingSignedTrailer });
            request.Body = AwsChunkedBody.Create(data, 4096, signing, [("x-amz-checksum-sha256", AwsChunkedBody.Sha256Base64([9]))]).ToBytes();
            return "trailer-checksum-wrong-but-signed";
        }

        WriterSigning.Chunked(c, request, key, SigV4Signer.StreamingSignedTrailer, trailer: true, body =>
        {
            var signatureLine = body.Trailer.FindIndex(l => l.StartsWith("x-amz-trailer-signature:", StringComparison.Ordinal));
            if (kind == 0)
            {
                body.Trailer[signatureLine] = "x-amz-trailer-signature:" + SignatureMutations.Flip(c, body.Trailer[signatureLine]["x-amz-trailer-signature:".Length..]);
            }
            else
            {
                body.Trailer.RemoveAt(signatureLine);
            }
        });
        return kind == 0 ? "flip-trailer-signature" : "trailer-signature-missing";
    }

    private static string PayloadHash(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var (hash, name) = c.Random.Next(4) switch
        {
            0 => (SigV4Signer.Sha256Hex([.. request.Body, 0]), "wrong"),
            1 => ("abc", "not-hex"),
            2 => (SigV4Signer.Sha256Hex(request.Body)[..63], "short"),
            _ => (c.Pick<string>(["unsigned-payload", "STREAMING-FOO", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER-X", " UNSIGNED-PAYLOAD"]), "unknown-mode"),
        };
        SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = hash });
        return name;
    }

    private static string Digest(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        var (header, value, name) = c.Random.Next(4) switch
        {
            0 => ("Content-MD5", CaseContext.Base64Md5([.. request.Body, 0]), "content-md5-wrong"),
            1 => ("Content-MD5", c.Pick<string>(["!!", "AAAA", ""]) is { Length: > 0 } bad ? bad : "=", "content-md5-malformed"),
            2 => ("x-amz-checksum-sha256", AwsChunkedBody.Sha256Base64([.. request.Body, 0]), "checksum-wrong"),
            _ => ("x-amz-checksum-crc32", "not base64", "checksum-malformed"),
        };
        request.SetHeader(header, value);
        SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = c.Chance(50) ? SigV4Signer.UnsignedPayload : null });
        return name;
    }

    private static string Framing(CaseContext c, RawHttpRequest request, FuzzKey key)
    {
        if (c.Chance(50))
        {
            SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = SigV4Signer.UnsignedPayload });
            request.ContentLengthOverride = request.Body.Length + c.Random.Next(1, 1000);
            request.HalfCloseAfterBody = true;
            return "body-shorter-than-content-length";
        }

        // HTTP chunked transfer coding with broken framing (the signature covers the headers only).
        request.OmitContentLength = true;
        request.SetHeader("Transfer-Encoding", "chunked");
        SigV4Signer.SignHeader(request, key, new SigV4Options { Time = c.Now, PayloadHash = SigV4Signer.UnsignedPayload });
        var data = request.Body;
        request.Body = c.Random.Next(3) switch
        {
            0 => [.. Wire.Bytes("zz\r\n"), .. data],
            1 => [.. Wire.Bytes($"{data.Length + 10:x}\r\n"), .. data, .. Wire.Bytes("\r\n0\r\n\r\n")],
            _ => [.. Wire.Bytes($"{data.Length:x}\r\n"), .. data],
        };
        // A malformed size line is an error by itself; a chunk that ends early needs the end of the stream to show.
        request.HalfCloseAfterBody = request.Body[0] != (byte)'z';
        return "http-chunked-broken";
    }
}
