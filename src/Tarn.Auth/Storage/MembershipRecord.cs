namespace Tarn.Auth.Storage;

/// <summary>A membership, stored under both the group and the user, valid while both uids are current.</summary>
internal sealed record MembershipRecord(string UserUid, string GroupUid);
