using System.Text.RegularExpressions;

namespace Tarn.Server.Tests.Cli;

/// <summary>The block <c>tarn setup</c> and <c>tarn superuser</c> print, in lakeFS's exact format.</summary>
internal sealed partial record PrintedCredentials(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>Reads the block, failing the test unless standard output is exactly that block.</summary>
    public static PrintedCredentials Parse(CliResult result)
    {
        var match = Block().Match(result.Stdout);
        Assert.True(match.Success, $"not the credentials block lakeFS prints\n{result}");
        return new PrintedCredentials(match.Groups["id"].Value, match.Groups["secret"].Value);
    }

    [GeneratedRegex(@"\Acredentials:\n  access_key_id: (?<id>\S+)\n  secret_access_key: (?<secret>\S+)\n\z")]
    private static partial Regex Block();
}
