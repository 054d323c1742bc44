using Tarn.Core;

namespace Tarn.Auth.Management;

/// <summary>
/// A group whose policies do not form an ACL (404). The HTTP layer answers it with
/// <c>{"message": …, "no_acl": true}</c>, which the web UI uses to tell "no ACL" from "no group".
/// </summary>
public sealed class NoAclException(string message) : TarnException(ErrorKind.NotFound, message);
