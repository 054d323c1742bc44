using System.Text;
using System.Text.RegularExpressions;
using Tarn.Core;

namespace Tarn.Versioning.Protection;

/// <summary>
/// A branch-protection pattern (versioning.md §17.1): a glob over whole branch names with <c>*</c> (any run,
/// also empty), <c>?</c> (one character), <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>, <c>{a,b}</c> alternatives
/// and <c>\</c> escapes. Translated once into an anchored, non-backtracking regex, so no pattern can make a
/// write slow; invalid patterns are refused when set (lakeFS stores them and then fails every write).
/// </summary>
public sealed class BranchPattern
{
    /// <summary>
    /// The longest pattern accepted. Branch names are short; a longer pattern only costs memory and time to
    /// compile (and past a few thousand characters the regex engine refuses it).
    /// </summary>
    public const int MaxLength = 256;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    private BranchPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="pattern"/>; 400 naming it when it is empty or not a valid glob.</summary>
    public static BranchPattern Parse(string pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw TarnException.Invalid("branch protection pattern must not be empty");
        }

        if (pattern.Length > MaxLength)
        {
            throw TarnException.Invalid($"branch protection pattern must be at most {MaxLength} characters long");
        }

        var regex = new StringBuilder(@"\A");
        var position = 0;
        Translate(pattern, ref position, regex, insideAlternatives: false);
        regex.Append(@"\z");
        try
        {
            return new BranchPattern(pattern, new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout));
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            // The regex engine bounds the size of the automaton it builds; a pattern beyond it is refused, not a 500.
            throw Invalid(pattern, "too complex");
        }
    }

    public bool Matches(string branchId) => _regex.IsMatch(branchId);

    // Appends the regex of pattern[position..] up to the end, or (inside {…}) up to the ',' or '}' that ends
    // the current alternative, which is left unconsumed.
    private static void Translate(string pattern, ref int position, StringBuilder regex, bool insideAlternatives)
    {
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (insideAlternatives && c is ',' or '}')
            {
                return;
            }

            position++;
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '\\':
                    regex.Append(Regex.Escape(Escaped(pattern, ref position).ToString()));
                    break;
                case '[':
                    AppendClass(pattern, ref position, regex);
                    break;
                case '{':
                    AppendAlternatives(pattern, ref position, regex);
                    break;
                case ']' or '}':
                    throw Invalid(pattern, $"unmatched '{c}'");
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (insideAlternatives)
        {
            throw Invalid(pattern, "unclosed '{'");
        }
    }

    private static void AppendAlternatives(string pattern, ref int position, StringBuilder regex)
    {
        regex.Append("(?:");
        while (true)
        {
            Translate(pattern, ref position, regex, insideAlternatives: true);
            var separator = pattern[position++];
            if (separator == '}')
            {
                regex.Append(')');
                return;
            }

            regex.Append('|');
        }
    }

    // A character class: [abc], [a-z], [!abc]; members are escaped so nothing in them is regex syntax.
    private static void AppendClass(string pattern, ref int position, StringBuilder regex)
    {
        regex.Append('[');
        if (position < pattern.Length && pattern[position] == '!')
        {
            regex.Append('^');
            position++;
        }

        var members = 0;
        while (true)
        {
            if (position >= pattern.Length)
            {
                throw Invalid(pattern, "unclosed '['");
            }

            var c = pattern[position++];
            if (c == ']' && members > 0)
            {
                regex.Append(']');
                return;
            }

            if (c == '\\')
            {
                c = Escaped(pattern, ref position);
            }

            if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
            {
                position++;
                var last = pattern[position++];
                if (last == '\\')
                {
                    last = Escaped(pattern, ref position);
                }

                if (last < c)
                {
                    throw Invalid(pattern, $"range '{c}-{last}' is out of order");
                }

                regex.Append(ClassMember(c)).Append('-').Append(ClassMember(last));
            }
            else
            {
                regex.Append(ClassMember(c));
            }

            members++;
        }
    }

    private static char Escaped(string pattern, ref int position) =>
        position < pattern.Length ? pattern[position++] : throw Invalid(pattern, "'\\' at the end");

    private static string ClassMember(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();

    private static TarnException Invalid(string pattern, string reason) =>
        TarnException.Invalid($"invalid branch protection pattern '{pattern}': {reason}");
}
