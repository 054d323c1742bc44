namespace Tarn.Auth.Authorization;

/// <summary>The outcome of evaluating a permission. Only <see cref="Allow"/> grants access.</summary>
public enum AuthorizationResult
{
    /// <summary>No statement applies: not granted.</summary>
    Neutral,

    /// <summary>An allow statement applies and no deny does.</summary>
    Allow,

    /// <summary>A deny statement applies; it overrides every allow.</summary>
    Deny,
}
