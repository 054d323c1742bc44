using Tarn.Core;

namespace Tarn.Versioning.Protection;

/// <summary>
/// A branch-protection pattern (docs/repositories.md, "Branch protection"): a glob over whole branch names with <c>*</c> (any run,
/// also empty), <c>?</c> (one character), <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>, <c>{a,b}</c> alternatives
/// and <c>\</c> escapes. Compiled once into a <see cref="GlobProgram"/>, whose matching time is bounded by
/// the pattern and name lengths, so no pattern can make a write slow; invalid or overlong patterns are
/// refused when set (lakeFS stores them and then fails every write).
/// </summary>
public sealed class BranchPattern
{
    /// <summary>
    /// The longest pattern accepted. Branch names are short; a longer pattern only costs memory and time on
    /// every write to the repository.
    /// </summary>
    public const int MaxLength = 256;

    private readonly GlobProgram _program;

    private BranchPattern(string text, GlobProgram program)
    {
        Text = text;
        _program = program;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="pattern"/>; 400 naming it when it is empty, too long or not a valid glob.</summary>
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

        var program = new GlobProgram();
        var position = 0;
        Compile(pattern, ref position, program, insideAlternatives: false);
        program.Finish();
        return new BranchPattern(pattern, program);
    }

    public bool Matches(string branchId) => _program.Matches(branchId);

    // Appends the program of pattern[position..] up to the end, or (inside {…}) up to the ',' or '}' that ends
    // the current alternative, which is left unconsumed.
    private static void Compile(string pattern, ref int position, GlobProgram program, bool insideAlternatives)
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
                    // loop: split(any, out); any; jump loop
                    var loop = program.Split();
                    program.AnyChar();
                    program.Jump(loop);
                    program.Patch(loop, target: loop + 1, alternative: program.Next);
                    break;
                case '?':
                    program.AnyChar();
                    break;
                case '\\':
                    program.Literal(Escaped(pattern, ref position));
                    break;
                case '[':
                    CompileClass(pattern, ref position, program);
                    break;
                case '{':
                    CompileAlternatives(pattern, ref position, program);
                    break;
                case ']' or '}':
                    throw Invalid(pattern, $"unmatched '{c}'");
                default:
                    program.Literal(c);
                    break;
            }
        }

        if (insideAlternatives)
        {
            throw Invalid(pattern, "unclosed '{'");
        }
    }

    // {a,b,c}: split(a, split(b, c)), each alternative jumping to the common end.
    private static void CompileAlternatives(string pattern, ref int position, GlobProgram program)
    {
        var exits = new List<int>();
        while (true)
        {
            var split = program.Split();
            program.Patch(split, target: program.Next);
            Compile(pattern, ref position, program, insideAlternatives: true);
            exits.Add(program.Jump());
            program.Patch(split, alternative: program.Next);
            var separator = pattern[position++];
            if (separator == '}')
            {
                // The last split's other branch leads nowhere: point it at a dead end so it adds no position.
                program.Class([], negated: false);
                break;
            }
        }

        foreach (var exit in exits)
        {
            program.Patch(exit, target: program.Next);
        }
    }

    // A character class: [abc], [a-z], [!abc].
    private static void CompileClass(string pattern, ref int position, GlobProgram program)
    {
        var negated = false;
        if (position < pattern.Length && pattern[position] == '!')
        {
            negated = true;
            position++;
        }

        var ranges = new List<(char, char)>();
        while (true)
        {
            if (position >= pattern.Length)
            {
                throw Invalid(pattern, "unclosed '['");
            }

            var c = pattern[position++];
            if (c == ']' && ranges.Count > 0)
            {
                program.Class([.. ranges], negated);
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

                ranges.Add((c, last));
            }
            else
            {
                ranges.Add((c, c));
            }
        }
    }

    private static char Escaped(string pattern, ref int position) =>
        position < pattern.Length ? pattern[position++] : throw Invalid(pattern, "'\\' at the end");

    private static TarnException Invalid(string pattern, string reason) =>
        TarnException.Invalid($"invalid branch protection pattern '{pattern}': {reason}");
}
