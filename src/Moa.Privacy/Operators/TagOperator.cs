using System.Text;

namespace Moa.Privacy;

/// <summary>Replaces a finding with its type in brackets: <c>[PHONE]</c>.</summary>
public sealed class TagOperator : PiiOperator
{
    public override string Name => "tag";

    public override void Append(StringBuilder output, string type, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append('[').Append(type).Append(']');
    }
}
