using System.Text;
using System.Text.RegularExpressions;
using Tarn.Core;

namespace Tarn.Versioning.Refs;

/// <summary>
/// The identifier rules of docs/refs.md, "Identifiers", with lakeFS's Go (RE2) semantics: character classes are
/// spelled out in ASCII (.NET's <c>\w</c>/<c>\s</c> are Unicode-aware) and patterns end in <c>\z</c>,
/// because .NET's <c>$</c> also matches before a trailing newline (<c>"main\n"</c> must be invalid).
/// </summary>
public static partial class IdentifierRules
{
    /// <summary>The longest object path, in UTF-8 bytes.</summary>
    public const int MaxPathBytes = 1024;

    /// <summary>The text of a failed branch-ID check, as lakeFS words it on branch creation.</summary>
    public const string BranchIdMessage =
        "branch id: invalid value: validation error: branch id must consist of letters, digits, underscores and dashes, and cannot start with a dash";

    public const string RepositoryIdMessage = "repository id: invalid value: validation error";
    public const string TagIdMessage = "tag id: invalid value: validation error";
    public const string RefMessage = "ref: invalid value: validation error";
    public const string RequiredValueMessage = "required value: validation error";
    public const string MissingPathMessage = "missing path: required value: validation error";
    public const string InvalidValueMessage = "invalid value: validation error";

    public static bool IsRepositoryId(string? value) => value is not null && RepositoryIdPattern().IsMatch(value);

    public static bool IsBranchId(string? value) => value is not null && BranchIdPattern().IsMatch(value);

    public static bool IsRef(string? value) => value is not null && RefPattern().IsMatch(value);

    /// <summary>Git-ref-like tag rules, checked in lakeFS's order.</summary>
    public static bool IsTagId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "@")
        {
            return false;
        }

        if (value.EndsWith('.') || value.EndsWith(".lock", StringComparison.Ordinal))
        {
            return false;
        }

        if (value.Contains("..", StringComparison.Ordinal) || value.Contains('/') || value.Contains("@{", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c is '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Non-empty and at most <see cref="MaxPathBytes"/> UTF-8 bytes; any characters otherwise.</summary>
    public static bool IsPath(string? value) =>
        !string.IsNullOrEmpty(value) && Encoding.UTF8.GetByteCount(value) <= MaxPathBytes;

    /// <summary>Throws 400 <c>argument repository: repository id: invalid value: validation error</c>.</summary>
    public static void EnsureRepositoryId(string? value, string argument = "repository")
    {
        if (!IsRepositoryId(value))
        {
            throw Invalid(argument, RepositoryIdMessage);
        }
    }

    /// <summary>Throws 400 <c>argument branch: branch id: invalid value: validation error: …</c>.</summary>
    public static void EnsureBranchId(string? value, string argument = "branch")
    {
        if (!IsBranchId(value))
        {
            throw Invalid(argument, BranchIdMessage);
        }
    }

    /// <summary>Throws 400 with <c>required value</c> for an empty tag ID, else <c>tag id: invalid value</c>.</summary>
    public static void EnsureTagId(string? value, string argument = "tag")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(argument, RequiredValueMessage);
        }

        if (!IsTagId(value))
        {
            throw Invalid(argument, TagIdMessage);
        }
    }

    /// <summary>Throws 400 <c>argument ref: ref: invalid value: validation error</c> (empty or whitespace).</summary>
    public static void EnsureRef(string? value, string argument = "ref")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(argument, RequiredValueMessage);
        }

        if (!IsRef(value))
        {
            throw Invalid(argument, RefMessage);
        }
    }

    /// <summary>Throws 400 <c>argument path: missing path: …</c> when empty, <c>invalid value</c> when too long.</summary>
    public static void EnsurePath(string? value, string argument = "path")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Invalid(argument, MissingPathMessage);
        }

        if (!IsPath(value))
        {
            throw Invalid(argument, InvalidValueMessage);
        }
    }

    private static TarnException Invalid(string argument, string message) =>
        TarnException.Invalid($"argument {argument}: {message}");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{2,62}\z", RegexOptions.None)]
    private static partial Regex RepositoryIdPattern();

    [GeneratedRegex(@"^[0-9A-Za-z_][-0-9A-Za-z_]*\z", RegexOptions.None)]
    private static partial Regex BranchIdPattern();

    // Go's \s is exactly [\t\n\f\r ] (no \v, no Unicode spaces).
    [GeneratedRegex(@"^[^\t\n\f\r ]+\z", RegexOptions.None)]
    private static partial Regex RefPattern();
}
