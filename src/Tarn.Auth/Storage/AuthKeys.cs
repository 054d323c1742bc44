namespace Tarn.Auth.Storage;

/// <summary>
/// The key layout of the auth partition. Every key is UTF-8 text; names of users, groups and policies
/// never contain <c>/</c>, so a name followed by <c>/</c> is an exact prefix of that entity's children.
/// </summary>
/// <remarks>
/// <code>
/// users/{user}                        UserRecord (uid = incarnation, token revocation time)
/// credentials/{accessKeyId}           CredentialRecord (owner user + uid, encrypted secret): globally unique
/// user_credentials/{user}/{keyId}     CredentialRefRecord: index to list a user's keys
/// groups/{group}                      GroupRecord
/// group_members/{group}/{user}        MembershipRecord: listing side, written first, removed last
/// user_groups/{user}/{group}          MembershipRecord: evaluation side, written last, removed first
/// policies/{policy}                   PolicyRecord
/// user_policies/{user}/{policy}       AttachmentRecord
/// group_policies/{group}/{policy}     AttachmentRecord
/// revoked_tokens/{jti}                RevokedTokenRecord: single-token logout, kept until the token expires
/// token_epochs/{user}                 TokenEpochRecord: where a deleted user's tokens end, for a re-created one
/// setup                               SetupRecord: claim of a running setup, then the setup timestamp
/// comm_prefs                          CommPrefsRecord
/// </code>
/// Links (credentials, memberships, attachments) carry the uid of each end they were made for; a link
/// whose end has since been deleted (or deleted and re-created) is stale and ignored, so a crash halfway
/// through a deletion, or a race with one, can never hand old rights to a new entity of the same name.
/// </remarks>
internal static class AuthKeys
{
    public const string Partition = "auth";

    public const string UsersPrefix = "users/";
    public const string CredentialsPrefix = "credentials/";
    public const string GroupsPrefix = "groups/";
    public const string PoliciesPrefix = "policies/";
    public const string UserPoliciesPrefix = "user_policies/";
    public const string GroupPoliciesPrefix = "group_policies/";
    public const string RevokedTokensPrefix = "revoked_tokens/";
    public const string Setup = "setup";
    public const string CommPrefs = "comm_prefs";

    public static string User(string username) => UsersPrefix + username;

    public static string Credential(string accessKeyId) => CredentialsPrefix + accessKeyId;

    public static string UserCredentials(string username) => "user_credentials/" + username + "/";

    public static string UserCredential(string username, string accessKeyId) => UserCredentials(username) + accessKeyId;

    public static string Group(string name) => GroupsPrefix + name;

    public static string GroupMembers(string group) => "group_members/" + group + "/";

    public static string GroupMember(string group, string username) => GroupMembers(group) + username;

    public static string UserGroups(string username) => "user_groups/" + username + "/";

    public static string UserGroup(string username, string group) => UserGroups(username) + group;

    public static string Policy(string name) => PoliciesPrefix + name;

    public static string UserPolicies(string username) => UserPoliciesPrefix + username + "/";

    public static string UserPolicy(string username, string policy) => UserPolicies(username) + policy;

    public static string GroupPolicies(string group) => GroupPoliciesPrefix + group + "/";

    public static string GroupPolicy(string group, string policy) => GroupPolicies(group) + policy;

    public static string RevokedToken(string jti) => RevokedTokensPrefix + jti;

    public static string TokenEpoch(string username) => "token_epochs/" + username;
}
