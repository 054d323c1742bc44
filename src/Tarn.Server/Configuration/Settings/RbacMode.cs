namespace Tarn.Server.Configuration.Settings;

/// <summary><c>auth.ui_config.rbac</c>. lakeFS's <c>external</c> needs an external authorization service and is refused.</summary>
public enum RbacMode
{
    /// <summary>ACL mode, lakeFS open-source behaviour: policy endpoints answer 501.</summary>
    Simplified,

    /// <summary>Tarn's optional internal RBAC: the policy endpoints work.</summary>
    Internal,
}
