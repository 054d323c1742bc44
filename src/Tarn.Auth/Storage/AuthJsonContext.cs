using System.Text.Json.Serialization;

namespace Tarn.Auth.Storage;

/// <summary>Source-generated serializers of every stored auth record (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UserRecord))]
[JsonSerializable(typeof(CredentialRecord))]
[JsonSerializable(typeof(CredentialRefRecord))]
[JsonSerializable(typeof(GroupRecord))]
[JsonSerializable(typeof(MembershipRecord))]
[JsonSerializable(typeof(PolicyRecord))]
[JsonSerializable(typeof(AttachmentRecord))]
[JsonSerializable(typeof(RevokedTokenRecord))]
[JsonSerializable(typeof(TokenEpochRecord))]
[JsonSerializable(typeof(SetupRecord))]
[JsonSerializable(typeof(CommPrefsRecord))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
