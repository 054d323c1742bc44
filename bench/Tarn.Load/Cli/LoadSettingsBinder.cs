using System.CommandLine;
using Tarn.Load.Api;
using Tarn.Load.Running;
using Tarn.Load.Scenarios;

namespace Tarn.Load.Cli;

/// <summary>Turns parsed flags into <see cref="LoadSettings"/>: scenario defaults filled in, every value checked.</summary>
internal static class LoadSettingsBinder
{
    public static LoadSettings Bind(ParseResult parse, LoadOptions options)
    {
        var scenario = ScenarioCatalog.Find(parse.GetRequiredValue(options.Scenario))
            ?? throw new ArgumentException($"unknown scenario '{parse.GetValue(options.Scenario)}'");
        var smoke = parse.GetValue(options.Smoke);
        var sizes = smoke ? scenario.Smoke : scenario.Normal;
        var withBaseline = parse.GetValue(options.WithBaseline);
        var generate = parse.GetValue(options.Generate);

        var amount = parse.GetValue(options.Amount) ?? sizes.Amount;
        var parallelism = parse.GetValue(options.Parallelism) ?? sizes.Parallelism;
        var objectSize = parse.GetValue(options.ObjectSize) is { } size ? Quantities.ParseSize(size) : sizes.ObjectSize;
        var repoSize = parse.GetValue(options.RepoSize) ?? sizes.RepoSize;
        var duration = parse.GetValue(options.Duration) is { } text ? Quantities.ParseDuration(text) : (TimeSpan?)null;
        var rounds = parse.GetValue(options.Rounds) ?? (withBaseline ? (smoke ? 2 : 3) : 1);

        Require(amount > 0, "--amount must be at least 1");
        Require(parallelism is > 0 and <= 4096, "--parallelism must be between 1 and 4096");
        Require(objectSize >= 0, "--object-size must not be negative");
        Require(repoSize >= 0, "--repo-size must not be negative");
        Require(rounds is > 0 and <= 100, "--rounds must be between 1 and 100");
        Require(scenario.Normal.RepoSize == 0 || repoSize > 0, $"{scenario.Name} needs --repo-size of at least 1");
        Require(!generate || parse.GetValue(options.Endpoint) is null, "--generate writes into the data folder of the server the tool starts: it cannot go with --endpoint");
        Require(!generate || repoSize > 0, "--generate needs --repo-size of at least 1");
        Require(amount <= int.MaxValue || scenario.Name is not ("merge" or "random-delete"), "--amount is too large for a scenario that prepares one item per operation");

        return new LoadSettings(
            scenario, amount, duration, parallelism, objectSize, repoSize, withBaseline, generate, rounds, smoke,
            parse.GetValue(options.Json), External(parse, options), parse.GetValue(options.ServerPath), parse.GetValue(options.StorageNamespace));
    }

    private static ServerEndpoint? External(ParseResult parse, LoadOptions options)
    {
        var endpoint = parse.GetValue(options.Endpoint);
        var keyId = parse.GetValue(options.AccessKeyId);
        var secret = parse.GetValue(options.SecretAccessKey);
        if (endpoint is null)
        {
            Require(keyId is null && secret is null, "--access-key-id and --secret-access-key go with --endpoint");
            return null;
        }

        Require(Uri.TryCreate(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute, out var address) && address.Scheme is "http" or "https",
            $"--endpoint '{endpoint}' is not an http(s) URL");
        Require(keyId is { Length: > 0 } && secret is { Length: > 0 }, "--endpoint needs --access-key-id and --secret-access-key");
        return new ServerEndpoint(address!, keyId!, secret!);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
