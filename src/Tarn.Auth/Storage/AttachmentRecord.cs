namespace Tarn.Auth.Storage;

/// <summary>A policy attached to a user or group, valid while both uids are current.</summary>
internal sealed record AttachmentRecord(string PrincipalUid, string PolicyUid);
