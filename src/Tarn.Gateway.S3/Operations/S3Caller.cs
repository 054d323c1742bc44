using Tarn.Auth;

namespace Tarn.Gateway.S3.Operations;

/// <summary>The authenticated identity of a gateway request.</summary>
/// <param name="User">The user owning the access key.</param>
/// <param name="AccessKeyId">The access key the request was signed with.</param>
public sealed record S3Caller(User User, string AccessKeyId);
