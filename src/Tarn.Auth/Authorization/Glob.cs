
namespace Tarn.Auth.Authorization;

/// <summary>
/// The wildcard patterns of policies: <c>*</c> matches any run of characters (including none, and
/// including <c>/</c> and <c>:</c>), <c>?</c> exactly one character (one Unicode code point); everything
/// else is literal and case-sensitive. There is no escape character, so a variable's value is inserted as
/// literal elements of a compiled pattern rather than as pattern text.
/// </summary>
public static class Glob
{
    /// <summary>The placeholder of the requesting user's name in statement resources.</summary>
    public const string UserVariable = "${user}";

    private const int AnyRun = -1;
    private const int AnyOne = -2;

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string text) => IsMatch(Compile(pattern, username: null), text);

    /// <summary>
    /// Compiles a pattern. When <paramref name="username"/> is given, every <see cref="UserVariable"/> is
    /// replaced by the name taken literally: a user called <c>*</c> matches only itself.
    /// </summary>
    internal static int[] Compile(string pattern, string? username)
    {
        var elements = new List<int>(pattern.Length);
        var rest = pattern.AsSpan();
        while (!rest.IsEmpty)
        {
            var variable = username is null ? -1 : rest.IndexOf(UserVariable, StringComparison.Ordinal);
            var chunk = variable < 0 ? rest : rest[..variable];
            foreach (var rune in chunk.EnumerateRunes())
            {
                elements.Add(rune.Value switch
                {
                    '*' => AnyRun,
                    '?' => AnyOne,
                    var value => value,
                });
            }

            if (variable < 0)
            {
                break;
            }

            foreach (var rune in username!.EnumerateRunes())
            {
                elements.Add(rune.Value);
            }

            rest = rest[(variable + UserVariable.Length)..];
        }

        return [.. elements];
    }

    internal static bool IsMatch(int[] pattern, string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        // Linear-space matching that backtracks only to the most recent '*': O(n·m) at worst, never exponential.
        int p = 0, t = 0, starAt = -1, starText = 0;
        while (t < runes.Count)
        {
            if (p < pattern.Length && (pattern[p] == AnyOne || pattern[p] == runes[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == AnyRun)
            {
                starAt = p++;
                starText = t;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == AnyRun)
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Replaces every <see cref="UserVariable"/> in plain (non-pattern) text.</summary>
    internal static string Interpolate(string text, string username) =>
        text.Replace(UserVariable, username, StringComparison.Ordinal);
}
