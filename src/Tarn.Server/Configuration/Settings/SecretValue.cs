using System.Text;
using Tarn.Core;

namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// A secret configuration value (master key, connection string, credentials). It prints as <c>[SECRET]</c>, so a
/// settings record passed to a logger or an exception message cannot leak it; the text is only reachable through
/// <see cref="Reveal"/>, and equality is constant-time.
/// </summary>
public sealed class SecretValue : IEquatable<SecretValue>
{
    public const string Redacted = "[SECRET]";

    private readonly string _value;

    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Length in UTF-8 bytes (the hardening check wants at least 32).</summary>
    public int ByteLength => Encoding.UTF8.GetByteCount(_value);

    /// <summary>The secret itself: pass it straight to the component that needs it, never to a log.</summary>
    public string Reveal() => _value;

    /// <summary>Constant-time comparison with a candidate value.</summary>
    public bool Matches(string? candidate) => Secret.EqualsConstantTime(_value, candidate);

    public bool Equals(SecretValue? other) => other is not null && Matches(other._value);

    public override bool Equals(object? obj) => obj is SecretValue other && Equals(other);

    // A hash of the secret would be a fingerprint of it; equal secrets only need equal hashes.
    public override int GetHashCode() => 0;

    public override string ToString() => Redacted;
}
