namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>Who signs a fuzz request, and with what.</summary>
internal enum KeyRole
{
    /// <summary>Signs correctly; its requests may do anything the generator allows.</summary>
    Writer,

    /// <summary>Full rights, but every request it sends carries a broken signature or proof of time.</summary>
    Attacker,

    /// <summary>Used only by the fuzzer's own health checks, never by generated requests, so no lockout can reach it.</summary>
    Checker,
}

/// <summary>An access key the fuzzer signs with.</summary>
internal sealed record FuzzKey(string AccessKeyId, string SecretAccessKey, KeyRole Role);
