using System.Globalization;

namespace Moa.Synthesis.Constraints;

/// <summary>
/// The formula of a derived column: numbers, column names (bare, or in backquotes when they hold other characters:
/// <c>`salary-class`</c>), + - * / and parentheses. A missing input gives a missing result.
/// </summary>
public sealed class Formula
{
    private readonly Node _root;

    private Formula(Node root, IReadOnlyList<string> columns)
    {
        _root = root;
        Columns = columns;
    }

    /// <summary>The columns the formula reads.</summary>
    public IReadOnlyList<string> Columns { get; }

    public double Evaluate(Func<string, double> value) => _root.Eval(value);

    /// <summary>Parses a formula; a syntax error names <paramref name="where"/> and the position.</summary>
    public static Formula Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, where);
        var root = parser.Expression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            parser.Fail("unexpected text");
        }

        return new Formula(root, [.. parser.Names.Distinct(StringComparer.Ordinal)]);
    }

    private abstract class Node
    {
        public abstract double Eval(Func<string, double> value);
    }

    private sealed class Number(double v) : Node
    {
        public override double Eval(Func<string, double> value) => v;
    }

    private sealed class Column(string name) : Node
    {
        public override double Eval(Func<string, double> value) => value(name);
    }

    private sealed class Negate(Node inner) : Node
    {
        public override double Eval(Func<string, double> value) => -inner.Eval(value);
    }

    private sealed class Binary(char op, Node left, Node right) : Node
    {
        public override double Eval(Func<string, double> value)
        {
            var (a, b) = (left.Eval(value), right.Eval(value));
            return op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => b == 0 ? double.NaN : a / b,
            };
        }
    }

    private sealed class Parser(string text, string where)
    {
        private int _pos;

        public List<string> Names { get; } = [];

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public Node Expression()
        {
            var left = Term();
            while (true)
            {
                SkipSpace();
                if (AtEnd || (text[_pos] != '+' && text[_pos] != '-'))
                {
                    return left;
                }

                var op = text[_pos++];
                left = new Binary(op, left, Term());
            }
        }

        private Node Term()
        {
            var left = Factor();
            while (true)
            {
                SkipSpace();
                if (AtEnd || (text[_pos] != '*' && text[_pos] != '/'))
                {
                    return left;
                }

                var op = text[_pos++];
                left = new Binary(op, left, Factor());
            }
        }

        private Node Factor()
        {
            SkipSpace();
            if (AtEnd)
            {
                Fail("the formula ends too early");
            }

            var ch = text[_pos];
            if (ch == '(')
            {
                _pos++;
                var inner = Expression();
                SkipSpace();
                if (AtEnd || text[_pos] != ')')
                {
                    Fail("expected ')'");
                }

                _pos++;
                return inner;
            }

            if (ch == '-')
            {
                _pos++;
                return new Negate(Factor());
            }

            if (char.IsDigit(ch) || ch == '.')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E'))
                {
                    _pos++;
                }

                if (!double.TryParse(text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    Fail($"'{text[start.._pos]}' is not a number");
                }

                return new Number(v);
            }

            if (ch == '`')
            {
                var close = text.IndexOf('`', _pos + 1);
                if (close < 0)
                {
                    Fail("unclosed `");
                }

                var name = text[(_pos + 1)..close];
                _pos = close + 1;
                Names.Add(name);
                return new Column(name);
            }

            if (char.IsLetter(ch) || ch == '_')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.'))
                {
                    _pos++;
                }

                var name = text[start.._pos];
                Names.Add(name);
                return new Column(name);
            }

            Fail($"unexpected '{ch}'");
            return null!;
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void Fail(string why) =>
            throw new MoaException($"{where}: formula '{text}' at position {_pos + 1}: {why}.");
    }
}
