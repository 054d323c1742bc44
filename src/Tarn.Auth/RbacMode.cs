namespace Tarn.Auth;

/// <summary>The authorization model, lakeFS's <c>auth.ui_config.rbac</c>.</summary>
public enum RbacMode
{
    /// <summary>ACL mode (the lakeFS open-source default): four ACL groups, the policy API answers 501.</summary>
    Simplified,

    /// <summary>Editable policies and the RBAC base groups (Admins, SuperUsers, Developers, Viewers).</summary>
    Internal,

    /// <summary>An external service owns auth; the installation always reports itself initialized.</summary>
    External,
}
