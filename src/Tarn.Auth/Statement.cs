using System.Text.Json.Serialization;

namespace Tarn.Auth;

/// <summary>
/// One policy statement: <see cref="Effect"/> (<c>allow</c> or <c>deny</c>) of the listed actions (glob
/// patterns such as <c>fs:Read*</c>) on <see cref="Resource"/> (an ARN pattern or <c>*</c>).
/// </summary>
public sealed record Statement(
    [property: JsonPropertyName("effect")] string Effect,
    [property: JsonPropertyName("action")] IReadOnlyList<string> Action,
    [property: JsonPropertyName("resource")] string Resource)
{
    public const string Allow = "allow";
    public const string Deny = "deny";

    /// <summary>An allow statement, for building policies in code.</summary>
    public static Statement Allowing(string resource, params string[] actions) => new(Allow, actions, resource);

    /// <summary>A deny statement, for building policies in code.</summary>
    public static Statement Denying(string resource, params string[] actions) => new(Deny, actions, resource);
}
