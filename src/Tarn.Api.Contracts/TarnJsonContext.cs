using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>
/// Source-generated JSON for every wire type: snake_case names (the four spec names that are not
/// snake_case carry explicit attributes), absent optional fields omitted, required fields enforced.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Error))]
[JsonSerializable(typeof(SetupState))]
[JsonSerializable(typeof(Setup))]
[JsonSerializable(typeof(CredentialsWithSecret))]
[JsonSerializable(typeof(CommPrefsInput))]
[JsonSerializable(typeof(LoginInformation))]
[JsonSerializable(typeof(AuthenticationToken))]
[JsonSerializable(typeof(AuthCapabilities))]
[JsonSerializable(typeof(CurrentUser))]
[JsonSerializable(typeof(Config))]
[JsonSerializable(typeof(VersionConfig))]
[JsonSerializable(typeof(StorageConfig))]
[JsonSerializable(typeof(GarbageCollectionConfig))]
[JsonSerializable(typeof(InstallationUsageReport))]
[JsonSerializable(typeof(StatsEventsList))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(UserCreation))]
[JsonSerializable(typeof(Group))]
[JsonSerializable(typeof(GroupList))]
[JsonSerializable(typeof(GroupCreation))]
[JsonSerializable(typeof(Policy))]
[JsonSerializable(typeof(PolicyList))]
[JsonSerializable(typeof(Credentials))]
[JsonSerializable(typeof(CredentialsList))]
[JsonSerializable(typeof(Acl))]
[JsonSerializable(typeof(ErrorNoAcl))]
public sealed partial class TarnJsonContext : JsonSerializerContext;
