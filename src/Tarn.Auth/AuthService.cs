using Tarn.Auth.Authentication;
using Tarn.Auth.Authorization;
using Tarn.Auth.Management;
using Tarn.Auth.Secrets;
using Tarn.Auth.Setup;
using Tarn.Auth.Storage;
using Tarn.Kv;

namespace Tarn.Auth;

/// <summary>
/// The auth domain over one metadata store: build one per process (a singleton) and hand its parts to
/// the HTTP layer. The parts share one change counter, so a mutation made through any of them invalidates
/// the authorizer's cache at once.
/// </summary>
public sealed class AuthService
{
    public AuthService(IKvStore kv, AuthOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        var store = new AuthStore(kv, timeProvider);
        var cipher = new SecretCipher(options.SecretKey);
        Users = new UserService(store);
        Credentials = new CredentialService(store, cipher);
        Groups = new GroupService(store);
        Policies = new PolicyService(store, Groups);
        Acls = new GroupAclService(store, Groups, Policies);
        Setup = new SetupService(store, options, Users, Credentials, Groups, new BaseGroupsInstaller(Groups, Policies, Acls));
        Authenticator = new BasicAuthenticator(store, cipher, new FailedLoginLimiter(options.LoginThrottle, timeProvider), options.PolicyCacheTtl);
        Tokens = new TokenService(store, options);
        Authorizer = new Authorizer(store, Policies, options.PolicyCacheTtl);
    }

    public UserService Users { get; }

    public CredentialService Credentials { get; }

    public GroupService Groups { get; }

    public PolicyService Policies { get; }

    public GroupAclService Acls { get; }

    public SetupService Setup { get; }

    public BasicAuthenticator Authenticator { get; }

    public TokenService Tokens { get; }

    public Authorizer Authorizer { get; }
}
