namespace Tarn.Versioning.Protection;

/// <summary>
/// A compiled glob: a small instruction list (one per literal, wildcard or class, plus splits and jumps for
/// <c>*</c> and <c>{…}</c>) run as a set of simultaneous positions over the input, so a match costs at most
/// (input length × program length) steps, whatever the pattern: no backtracking, no automaton built on
/// first use, no timeout to hit. Instructions are appended by <see cref="BranchPattern"/>'s parser.
/// </summary>
internal sealed class GlobProgram
{
    private readonly List<Instruction> _code = [];

    /// <summary>The index the next instruction will get.</summary>
    public int Next => _code.Count;

    public void Literal(char c) => _code.Add(new Instruction(OpCode.Literal, c));

    public void AnyChar() => _code.Add(new Instruction(OpCode.AnyChar));

    public void Class((char First, char Last)[] ranges, bool negated) =>
        _code.Add(new Instruction(OpCode.Class, Ranges: ranges, Negated: negated));

    /// <summary>Continue at both <paramref name="first"/> and <paramref name="second"/>; returns the instruction's index.</summary>
    public int Split(int first = -1, int second = -1)
    {
        _code.Add(new Instruction(OpCode.Split, Target: first, Alternative: second));
        return _code.Count - 1;
    }

    /// <summary>Continue at <paramref name="target"/>; returns the instruction's index.</summary>
    public int Jump(int target = -1)
    {
        _code.Add(new Instruction(OpCode.Jump, Target: target));
        return _code.Count - 1;
    }

    /// <summary>Sets the targets of a split or jump emitted before its destination was known.</summary>
    public void Patch(int at, int? target = null, int? alternative = null)
    {
        var instruction = _code[at];
        _code[at] = instruction with { Target = target ?? instruction.Target, Alternative = alternative ?? instruction.Alternative };
    }

    public void Finish() => _code.Add(new Instruction(OpCode.Match));

    /// <summary>Whether the whole of <paramref name="input"/> matches.</summary>
    public bool Matches(string input)
    {
        var current = new PositionSet(_code.Count);
        var next = new PositionSet(_code.Count);
        var stack = new Stack<int>();
        Add(current, 0, stack);
        foreach (var c in input)
        {
            next.Clear();
            foreach (var pc in current.Items)
            {
                var instruction = _code[pc];
                var consumes = instruction.Op switch
                {
                    OpCode.Literal => instruction.Char == c,
                    OpCode.AnyChar => true,
                    OpCode.Class => InClass(instruction, c),
                    _ => false,
                };
                if (consumes)
                {
                    Add(next, pc + 1, stack);
                }
            }

            if (next.Items.Count == 0)
            {
                return false;
            }

            (current, next) = (next, current);
        }

        return current.Items.Any(pc => _code[pc].Op == OpCode.Match);
    }

    // Adds pc and everything reachable from it through splits and jumps (each instruction at most once).
    private void Add(PositionSet set, int pc, Stack<int> stack)
    {
        stack.Push(pc);
        while (stack.TryPop(out var at))
        {
            if (!set.TryAdd(at))
            {
                continue;
            }

            var instruction = _code[at];
            switch (instruction.Op)
            {
                case OpCode.Jump:
                    stack.Push(instruction.Target);
                    break;
                case OpCode.Split:
                    stack.Push(instruction.Alternative);
                    stack.Push(instruction.Target);
                    break;
            }
        }
    }

    private static bool InClass(Instruction instruction, char c)
    {
        var inside = false;
        foreach (var (first, last) in instruction.Ranges!)
        {
            if (c >= first && c <= last)
            {
                inside = true;
                break;
            }
        }

        return inside != instruction.Negated;
    }

    private enum OpCode
    {
        Literal,
        AnyChar,
        Class,
        Split,
        Jump,
        Match,
    }

    private readonly record struct Instruction(
        OpCode Op, char Char = default, (char First, char Last)[]? Ranges = null, bool Negated = false, int Target = -1, int Alternative = -1);

    /// <summary>Program positions, each at most once, in insertion order.</summary>
    private sealed class PositionSet(int size)
    {
        private readonly bool[] _present = new bool[size];

        public List<int> Items { get; } = [];

        public bool TryAdd(int pc)
        {
            if (_present[pc])
            {
                return false;
            }

            _present[pc] = true;
            Items.Add(pc);
            return true;
        }

        public void Clear()
        {
            foreach (var pc in Items)
            {
                _present[pc] = false;
            }

            Items.Clear();
        }
    }
}
