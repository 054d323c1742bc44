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
[JsonSerializable(typeof(Repository))]
[JsonSerializable(typeof(RepositoryList))]
[JsonSerializable(typeof(RepositoryCreation))]
[JsonSerializable(typeof(RepositoryMetadataSet))]
[JsonSerializable(typeof(RepositoryMetadataKeys))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>), TypeInfoPropertyName = "StringMap")]
[JsonSerializable(typeof(Ref))]
[JsonSerializable(typeof(RefList))]
[JsonSerializable(typeof(BranchCreation))]
[JsonSerializable(typeof(ResetCreation))]
[JsonSerializable(typeof(RevertCreation))]
[JsonSerializable(typeof(CherryPickCreation))]
[JsonSerializable(typeof(TagCreation))]
[JsonSerializable(typeof(Commit))]
[JsonSerializable(typeof(CommitList))]
[JsonSerializable(typeof(CommitCreation))]
[JsonSerializable(typeof(CommitRecordCreation))]
[JsonSerializable(typeof(Diff))]
[JsonSerializable(typeof(DiffList))]
[JsonSerializable(typeof(Merge))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(FindMergeBaseResult))]
[JsonSerializable(typeof(ObjectStats))]
[JsonSerializable(typeof(ObjectStatsList))]
[JsonSerializable(typeof(ObjectStageCreation))]
[JsonSerializable(typeof(ObjectCopyCreation))]
[JsonSerializable(typeof(PathList))]
[JsonSerializable(typeof(ObjectErrorList))]
[JsonSerializable(typeof(UnderlyingObjectProperties))]
[JsonSerializable(typeof(StagingLocation))]
[JsonSerializable(typeof(StagingMetadata))]
[JsonSerializable(typeof(PresignMultipartUpload))]
[JsonSerializable(typeof(CompletePresignMultipartUpload))]
[JsonSerializable(typeof(AbortPresignMultipartUpload))]
[JsonSerializable(typeof(StorageUri))]
public sealed partial class TarnJsonContext : JsonSerializerContext;
