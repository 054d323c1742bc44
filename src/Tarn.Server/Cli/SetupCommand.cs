using System.CommandLine;
using Tarn.Auth;

namespace Tarn.Server.Cli;

/// <summary>
/// <c>tarn setup</c> (alias <c>init</c>) creates the base groups and the first admin; <c>tarn superuser</c>
/// adds another admin. Both print the new credentials in lakeFS's format.
/// </summary>
internal static class SetupCommand
{
    public static Command CreateSetup(GlobalOptions global)
    {
        var command = new Command("setup", "Set up Tarn: create the base groups and the first admin user");
        command.Aliases.Add("init");
        var (user, keyId, secret) = AddUserOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var auth = await OfflineAuth.OpenAsync(global.Load(parse).Settings, cancellationToken);
            if (await auth.Service.Setup.IsInitializedAsync(cancellationToken))
            {
                await Console.Out.WriteLineAsync("Setup is already complete.");
                return 1;
            }

            var credential = await auth.Service.Setup.SetupAsync(parse.GetRequiredValue(user), Key(parse, keyId, secret), cancellationToken);
            // Like lakeFS's CLI setup: nobody was asked for communication preferences.
            await auth.Service.Setup.MarkCommPrefsNotGivenAsync(cancellationToken);
            await PrintAsync(credential);
            return 0;
        });
        return command;
    }

    public static Command CreateSuperuser(GlobalOptions global)
    {
        var command = new Command("superuser", "Create another admin user (setup must be complete)");
        var (user, keyId, secret) = AddUserOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var auth = await OfflineAuth.OpenAsync(global.Load(parse).Settings, cancellationToken);
            var credential = await auth.Service.Setup.AddSuperuserAsync(parse.GetRequiredValue(user), Key(parse, keyId, secret), cancellationToken);
            await PrintAsync(credential);
            return 0;
        });
        return command;
    }

    private static (Option<string> User, Option<string?> KeyId, Option<string?> Secret) AddUserOptions(Command command)
    {
        var user = new Option<string>("--user-name") { Description = "Name of the admin user", Required = true };
        var keyId = new Option<string?>("--access-key-id") { Description = "Access key id to use instead of a generated one" };
        var secret = new Option<string?>("--secret-access-key") { Description = "Secret access key to use instead of a generated one" };
        command.Add(user);
        command.Add(keyId);
        command.Add(secret);
        return (user, keyId, secret);
    }

    private static AccessKeyPair? Key(ParseResult parse, Option<string?> keyId, Option<string?> secret) =>
        (parse.GetValue(keyId), parse.GetValue(secret)) switch
        {
            (null, null) => null,
            (var id, var s) => new AccessKeyPair(id ?? "", s ?? ""),
        };

    private static Task PrintAsync(NewCredential credential) =>
        Console.Out.WriteAsync($"credentials:\n  access_key_id: {credential.AccessKeyId}\n  secret_access_key: {credential.SecretAccessKey}\n");
}
