using System.Reflection;

namespace Tarn.Core.Tests;

/// <summary>
/// The dependency rules of the solution (the table below; README.md, "Layout", lists the projects), checked on the
/// compiled assemblies: storage knows no domain, the domain knows no HTTP, protocol adapters never reference each
/// other.
/// </summary>
public sealed class ArchitectureTests
{
    // Project → the Tarn projects it may reference. A project missing here fails the test, so a new
    // project has to state its place in the layering.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Tarn.Core"] = [],
        ["Tarn.Kv"] = ["Tarn.Core"],
        ["Tarn.Kv.Sqlite"] = ["Tarn.Kv", "Tarn.Core"],
        ["Tarn.Kv.Postgres"] = ["Tarn.Kv", "Tarn.Core"],
        ["Tarn.Blocks"] = ["Tarn.Core"],
        ["Tarn.Versioning"] = ["Tarn.Kv", "Tarn.Blocks", "Tarn.Core"],
        ["Tarn.Catalog"] = ["Tarn.Versioning", "Tarn.Kv", "Tarn.Blocks", "Tarn.Core"],
        ["Tarn.Auth"] = ["Tarn.Kv", "Tarn.Core"],
        ["Tarn.Api.Contracts"] = [],
        // Tarn.Versioning: a shortcut while the catalog does not yet front repositories, refs and commits;
        // the endpoints of issue 4 call VersionController directly. The catalog is meant to be the door.
        ["Tarn.Api"] = ["Tarn.Catalog", "Tarn.Versioning", "Tarn.Blocks", "Tarn.Auth", "Tarn.Api.Contracts", "Tarn.Core"],
        ["Tarn.Gateway.S3"] = ["Tarn.Catalog", "Tarn.Versioning", "Tarn.Kv", "Tarn.Blocks", "Tarn.Auth", "Tarn.Core"],
        ["tarn"] = ["*"],
    };

    // Assemblies below the protocol adapters must not see ASP.NET Core.
    private static readonly string[] NoAspNetCore =
        ["Tarn.Core", "Tarn.Kv", "Tarn.Kv.Sqlite", "Tarn.Kv.Postgres", "Tarn.Blocks", "Tarn.Versioning", "Tarn.Catalog", "Tarn.Auth"];

    [Fact]
    public void Every_assembly_references_only_what_its_layer_allows()
    {
        var violations = new List<string>();
        foreach (var assembly in TarnAssemblies())
        {
            var name = assembly.GetName().Name!;
            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} has no entry in the architecture table");
            if (allowed.Contains("*"))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Select(r => r.Name!))
            {
                if (IsTarn(reference) && !allowed.Contains(reference))
                {
                    violations.Add($"{name} → {reference}");
                }

                if (NoAspNetCore.Contains(name) && reference.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
                {
                    violations.Add($"{name} → {reference} (no HTTP below the adapters)");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_table_knows_every_project_that_the_server_ships()
    {
        var names = TarnAssemblies().Select(a => a.GetName().Name!).ToList();
        Assert.Contains("tarn", names);
        Assert.Contains("Tarn.Kv.Sqlite", names);
        Assert.Contains("Tarn.Api", names);
    }

    private static bool IsTarn(string name) => name == "tarn" || name.StartsWith("Tarn.", StringComparison.Ordinal);

    // The server (assembly "tarn", copied beside the tests) references every production assembly, so
    // walking its references finds them all.
    private static List<Assembly> TarnAssemblies()
    {
        var server = Assembly.Load("tarn");
        var found = new Dictionary<string, Assembly> { ["tarn"] = server };
        var pending = new Stack<Assembly>([server]);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Pop().GetReferencedAssemblies().Where(r => IsTarn(r.Name!)))
            {
                if (!found.ContainsKey(reference.Name!) && !reference.Name!.EndsWith(".Tests", StringComparison.Ordinal))
                {
                    var loaded = Assembly.Load(reference);
                    found[reference.Name!] = loaded;
                    pending.Push(loaded);
                }
            }
        }

        return [.. found.Values];
    }
}
