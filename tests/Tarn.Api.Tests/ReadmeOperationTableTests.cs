using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tarn.Api.Hosting;
using Tarn.Testing;

namespace Tarn.Api.Tests;

/// <summary>
/// README's table of implemented and missing operations must match what the server routes, so the
/// documentation cannot drift from the code. On a mismatch the test prints the table to paste.
/// </summary>
public sealed class ReadmeOperationTableTests(AdminServerFixture fixture) : IClassFixture<AdminServerFixture>
{
    private const string Begin = "<!-- operations:begin -->";
    private const string End = "<!-- operations:end -->";

    [Fact]
    public void Readme_lists_exactly_the_implemented_and_missing_operations()
    {
        var spec = LakeFsSpec.Load(TestEnvironment.RequireLakeFsSpec());
        var implemented = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ApiOperation>())
            .OfType<ApiOperation>()
            .Where(o => o.Implemented)
            .Select(o => o.OperationId)
            .ToHashSet(StringComparer.Ordinal);

        var expected = Table(spec, implemented);
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var stop = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "README.md lacks the operations markers");
        var actual = readme[(start + Begin.Length)..stop].Trim();
        Assert.True(expected == actual, "README.md's operation table is out of date; replace it with:\n" + expected);
    }

    private static string Table(LakeFsSpec spec, HashSet<string> implemented)
    {
        var text = new StringBuilder();
        var done = spec.Operations.Count(o => implemented.Contains(o.OperationId));
        text.Append("**").Append(done).Append(" of ").Append(spec.Operations.Count).AppendLine(" operations implemented.**");
        text.AppendLine();
        text.AppendLine("| Spec tag | Implemented | Missing (answer 501) |");
        text.AppendLine("|---|---|---|");
        foreach (var tag in spec.Operations.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var yes = tag.Where(o => implemented.Contains(o.OperationId)).Select(o => $"`{o.OperationId}`");
            var no = tag.Where(o => !implemented.Contains(o.OperationId)).Select(o => $"`{o.OperationId}`");
            text.Append("| ").Append(tag.Key).Append(" | ").Append(string.Join(", ", yes)).Append(" | ").Append(string.Join(", ", no)).AppendLine(" |");
        }

        return text.ToString().Trim();
    }
}
