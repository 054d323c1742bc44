using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tarn.Core.Tests;

/// <summary>
/// What the code and its pages cite must be readable by whoever clones the repository (issue 13): behaviour is
/// described in <c>docs/</c> (or in public lakeFS documentation), never in specification files that live outside
/// the repository. Scans the *.cs, *.py, *.sh and *.md files of src/, tests/, bench/, docs/ and README.md that
/// git tracks (or would track), and checks that every <c>docs/&lt;page&gt;.md, "&lt;heading&gt;"</c> citation resolves.
/// </summary>
public sealed partial class SelfContainedKnowledgeTests
{
    private static readonly string[] ScannedRoots = ["src", "tests", "bench", "docs", "README.md"];
    private static readonly string[] ScannedExtensions = [".cs", ".py", ".sh", ".md"];

    // The one reference to the folder beside the repository that is allowed: where the tests find the lakeFS
    // OpenAPI document they check answers against (a test input, not a description of behaviour).
    private const string OpenApiInput = "shared/reference/lakefs-api-v1.12.1.yml";

    [Fact]
    public void No_file_cites_specifications_outside_the_repository()
    {
        var root = RepositoryRoot();
        var findings = new List<string>();
        foreach (var file in ScannedFiles(root))
        {
            var lines = File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var problem in Problems(lines[i]))
                {
                    findings.Add($"{file}:{i + 1}: {problem}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(
            findings.Count == 0,
            $"{findings.Count} citation(s) of material outside the repository; cite docs/<page>.md, \"<heading>\" "
            + "or https://docs.lakefs.io instead:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void Every_cited_docs_page_and_heading_exists()
    {
        var root = RepositoryRoot();
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var page in Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
        {
            headings[Path.GetFileName(page)] = File.ReadLines(page)
                .Where(l => l.StartsWith('#'))
                .Select(l => l.TrimStart('#').Trim())
                .ToHashSet(StringComparer.Ordinal);
        }

        var findings = new List<string>();
        foreach (var file in ScannedFiles(root))
        {
            // Comment markers at line starts are dropped so that a citation wrapped over two comment lines reads as one.
            var text = CommentContinuation().Replace(File.ReadAllText(Path.Combine(root, file)), " ");
            IEnumerable<Match> citations = DocsCitation().Matches(text);
            if (file.StartsWith("docs/", StringComparison.Ordinal))
            {
                citations = citations.Concat(DocsLinkCitation().Matches(text));
            }

            foreach (var citation in citations)
            {
                var page = citation.Groups["page"].Value;
                if (!headings.TryGetValue(page, out var known))
                {
                    findings.Add($"{file}: docs/{page} does not exist");
                    continue;
                }

                foreach (var heading in citation.Groups["heading"].Captures.Select(c => c.Value))
                {
                    if (!known.Contains(heading))
                    {
                        findings.Add($"{file}: docs/{page} has no heading \"{heading}\"");
                    }
                }
            }
        }

        Assert.True(findings.Count == 0, "Citations of docs pages that do not resolve:\n" + string.Join('\n', findings.Distinct()));
    }

    private static IEnumerable<string> Problems(string line)
    {
        // No page of docs/ may take one of these names, so any mention is a citation of the outside file.
        foreach (Match match in SpecFileName().Matches(line))
        {
            yield return $"cites {match.Value}";
        }

        foreach (Match match in SectionNumber().Matches(line))
        {
            // Sections of RFCs are public and stable: "RFC 9110 §13.2.2" (the RFC named earlier on the line).
            if (!RfcName().IsMatch(line.AsSpan(0, match.Index)))
            {
                yield return $"cites section {match.Value} of a document outside the repository";
            }
        }

        foreach (Match match in SharedFolder().Matches(line))
        {
            if (string.CompareOrdinal(line, match.Index + match.Value.Length - "shared".Length, OpenApiInput, 0, OpenApiInput.Length) != 0)
            {
                yield return "points into the folder beside the repository";
            }
        }

        if (DesignNotes().IsMatch(line))
        {
            yield return "cites the design notes outside the repository";
        }
    }

    // git's view when there is one (tracked files plus new ones not ignored), else a walk that skips build output.
    private static List<string> ScannedFiles(string root)
    {
        var files = GitFiles(root) ?? WalkedFiles(root);
        return files
            .Where(f => ScannedExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => ScannedRoots.Any(r => f == r || f.StartsWith(r + "/", StringComparison.Ordinal)))
            .Where(f => File.Exists(Path.Combine(root, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string>? GitFiles(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--" }.Concat(ScannedRoots))
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static List<string> WalkedFiles(string root)
    {
        var skipped = new[] { "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts" };
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.') || skipped.Contains(part, StringComparer.Ordinal)))
            .ToList();
    }

    // The nearest folder above the test binaries that holds Tarn.slnx, as Tarn.Testing's TestEnvironment finds it.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tarn.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tarn.slnx not found above " + AppContext.BaseDirectory);
    }

    // The behavioural specifications and design notes that live beside the repository, by file name.
    [GeneratedRegex(@"(?<![\w.-])(?:versioning|auth|actions|s3-gateway|config|webui|cli|sdk|conventions)\.md\b")]
    private static partial Regex SpecFileName();

    [GeneratedRegex(@"§\s*\d+(?:\.\d+)*")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"\bRFC\s?\d{3,5}\b")]
    private static partial Regex RfcName();

    [GeneratedRegex(@"(?:\.\.|/work)/shared\b")]
    private static partial Regex SharedFolder();

    [GeneratedRegex(@"design[/\\]conventions\b")]
    private static partial Regex DesignNotes();

    [GeneratedRegex(@"\r?\n[ \t]*(?:///?|#)?[ \t]*")]
    private static partial Regex CommentContinuation();

    // docs/<page>.md, "<heading>" (then optionally and "<heading>" or , "<heading>"): the form comments use.
    [GeneratedRegex(@"docs/(?<page>[a-z0-9-]+\.md)(?:(?:,\s*|\s+and\s+)""(?<heading>[^""]+)"")*")]
    private static partial Regex DocsCitation();

    // [<page>.md](<page>.md), "<heading>": the form pages of docs/ use for each other.
    [GeneratedRegex(@"\]\((?<page>[a-z0-9-]+\.md)\)(?:(?:,\s*|\s+and\s+)""(?<heading>[^""]+)"")*")]
    private static partial Regex DocsLinkCitation();
}
