using Tarn.Auth.Storage;

namespace Tarn.Auth.Authentication;

/// <summary>
/// Moves a user's "tokens valid from" time past now and past every token issued so far (their <c>iat</c> is
/// never later than the previous bound), which revokes them all; tokens issued afterwards are dated no
/// earlier than the new bound.
/// </summary>
internal static class TokenRevocation
{
    public static async ValueTask RevokeAllAsync(AuthStore store, string username, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await store.GetUserAsync(username, cancellationToken) is not { } user)
            {
                return;
            }

            var validFrom = Math.Max(store.Now().ToUnixTimeMilliseconds(), user.Value.TokensValidFromMs) + 1;
            var updated = user.Value with { TokensValidFromMs = validFrom };
            if (await store.ReplaceAsync(AuthKeys.User(username), updated, AuthStore.Json.UserRecord, user.Raw, cancellationToken))
            {
                store.MarkChanged();
                return;
            }
        }
    }
}
