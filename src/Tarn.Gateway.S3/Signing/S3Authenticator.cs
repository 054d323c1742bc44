using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tarn.Auth.Authentication;
using Tarn.Gateway.S3.Body;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Signing;

/// <summary>
/// The gateway's authentication chain (docs/gateway.md, "Authentication"): SigV4 header, SigV4 presigned query, SigV2
/// header, SigV2 presigned query; no anonymous access. Checks time (clock skew, presign expiry) before
/// the secret is fetched, throttles failed signatures per access key and client through the shared
/// <see cref="BasicAuthenticator"/>, compares signatures in constant time, and on success replaces the
/// request body with its decoded, verifying form. Signatures and credentials are never logged.
/// </summary>
public sealed class S3Authenticator(BasicAuthenticator authenticator, TimeProvider time, GatewayOptions options, S3TargetParser parser)
{
    /// <summary>Authenticates; throws <see cref="S3ErrorException"/> with the S3 code on any failure.</summary>
    public async Task<(S3Caller Caller, long? ContentLength)> AuthenticateAsync(HttpContext context, RawRequestTarget raw, S3Query query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (authorization.StartsWith("AWS4", StringComparison.Ordinal))
            {
                return await SigV4Async(context, raw, query, SigV4Parser.ParseHeader(authorization, query, context.Request.Headers));
            }

            if (SigV2.TryParseHeader(authorization) is { } v2)
            {
                return await SigV2Async(context, raw, query, v2);
            }

            throw new S3ErrorException(S3Errors.MissingFields);
        }

        if (SigV4Parser.IsPresigned(query))
        {
            return await SigV4Async(context, raw, query, SigV4Parser.ParseQuery(query));
        }

        if (SigV2.IsPresigned(query))
        {
            return await SigV2Async(context, raw, query, SigV2.ParseQuery(query));
        }

        throw new S3ErrorException(S3Errors.AccessDenied);
    }

    private async Task<(S3Caller, long?)> SigV4Async(HttpContext context, RawRequestTarget raw, S3Query query, SigV4Signature signature)
    {
        var now = time.GetUtcNow();
        if (signature.Expires is { } expires)
        {
            if (signature.Time > now + options.AllowedClockSkew)
            {
                throw new S3ErrorException(S3Errors.RequestNotYetValid);
            }

            if (now > signature.Time + expires)
            {
                throw new S3ErrorException(S3Errors.RequestExpired);
            }
        }
        else
        {
            RequireWithinSkew(signature.Time, now);
        }

        var credential = await FindCredentialAsync(context, signature.Credential.AccessKeyId);
        var request = context.Request;
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString() is { Length: > 0 } sent ? sent : SigV4.UnsignedPayload;
        var canonical = SigV4CanonicalRequest.Build(request.Method, raw, query, request.Headers, signature, payloadHash);
        var signingKey = SigV4.SigningKey(credential.SecretAccessKey, signature.Credential);
        var expected = SigV4.Sign(signingKey, SigV4.StringToSign(signature.AmzDate, signature.Credential.Scope, canonical));
        await VerifyAsync(context, credential, SigV4.SignaturesEqual(expected, signature.Signature));

        var chain = signature.Presigned ? null : new ChunkSignatureChain(signingKey, signature.AmzDate, signature.Credential.Scope, signature.Signature);
        return Authenticated(context, credential, payloadHash, chain);
    }

    private async Task<(S3Caller, long?)> SigV2Async(HttpContext context, RawRequestTarget raw, S3Query query, SigV2Signature signature)
    {
        var now = time.GetUtcNow();
        if (signature.Expires is { } expires)
        {
            if (now.ToUnixTimeSeconds() > long.Parse(expires, CultureInfo.InvariantCulture))
            {
                throw new S3ErrorException(S3Errors.RequestExpired);
            }
        }
        else
        {
            RequireWithinSkew(SigV2.RequestTime(context.Request.Headers), now);
        }

        var credential = await FindCredentialAsync(context, signature.AccessKeyId);
        var bucket = parser.VirtualHostBucket(context.Request.Host.Value ?? "");
        var expected = SigV2.Sign(credential.SecretAccessKey, SigV2.StringToSign(context.Request, raw, query, signature, bucket));
        await VerifyAsync(context, credential, SigV4.SignaturesEqual(expected, signature.Signature));

        var payloadHash = context.Request.Headers["x-amz-content-sha256"].ToString() is { Length: > 0 } sent ? sent : SigV4.UnsignedPayload;
        return Authenticated(context, credential, payloadHash, chunkSignatures: null);
    }

    private void RequireWithinSkew(DateTimeOffset requestTime, DateTimeOffset now)
    {
        if ((requestTime - now).Duration() > options.AllowedClockSkew)
        {
            throw new S3ErrorException(S3Errors.RequestTimeTooSkewed);
        }
    }

    private async Task<SigningCredential> FindCredentialAsync(HttpContext context, string accessKeyId)
    {
        var client = Client(context);
        if (authenticator.RetryAfter() is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            throw new S3ErrorException(S3Errors.SlowDown, "Too many failed signatures are being answered; slow down.");
        }

        if (await authenticator.FindSigningCredentialAsync(accessKeyId, context.RequestAborted) is { } credential)
        {
            return credential;
        }

        await authenticator.RecordFailureAsync(accessKeyId, client, context.RequestAborted);
        throw new S3ErrorException(S3Errors.InvalidAccessKeyId);
    }

    private async Task VerifyAsync(HttpContext context, SigningCredential credential, bool matches)
    {
        if (!matches)
        {
            await authenticator.RecordFailureAsync(credential.AccessKeyId, Client(context), context.RequestAborted);
            throw new S3ErrorException(S3Errors.SignatureDoesNotMatch);
        }

        authenticator.RecordSuccess(credential.AccessKeyId, Client(context));
    }

    private static (S3Caller, long?) Authenticated(HttpContext context, SigningCredential credential, string payloadHash, ChunkSignatureChain? chunkSignatures)
    {
        var (body, length) = S3RequestBody.Wrap(context.Request, payloadHash, chunkSignatures);
        context.Request.Body = body;
        return (new S3Caller(credential.User, credential.AccessKeyId), length);
    }

    private static string? Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
