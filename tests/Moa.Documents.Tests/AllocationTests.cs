using System.Text;
using Moa.Documents.Html;
using Moa.Documents.Jsonl;

namespace Moa.Documents.Tests;

/// <summary>The readers' "allocates nothing" promises, checked after warm-up with the thread's allocation counter.</summary>
public sealed class AllocationTests
{
    private static long Allocated(Action action) => Allocations.Least(action);

    [Fact]
    public void HtmlReader_NestingDepth_AllocatesNothing()
    {
        var html = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div><p>문단<br>줄</p><img src=x></div>", 500)) + "</body></html>");

        Allocated(() => HtmlReader.NestingDepth(html)).ShouldBe(0);
    }

    [Fact]
    public void JsonlRecordReader_ValidGoodLine_AllocatesNothing()
    {
        var records = new JsonlRecordReader();
        var line = Encoding.UTF8.GetBytes("{\"id\":\"doc-1\",\"text\":\"국가 인공지능 \\\"말뭉치\\\" 2026\",\"meta\":{\"source\":\"x\",\"tags\":[1,2]},\"n\":3}");
        var chars = new char[256];
        var problem = JsonlProblem.NotJson;
        var length = 0;

        Allocated(() =>
        {
            problem = records.Validate(line, out var fields, out _);
            length = JsonlRecordReader.CopyText(line, fields, ref chars);
        }).ShouldBe(0);
        problem.ShouldBe(JsonlProblem.None);
        new string(chars, 0, length).ShouldBe("국가 인공지능 \"말뭉치\" 2026");
    }

    [Fact]
    public void JsonlRecordReader_Fields_FoundInTheLine()
    {
        var records = new JsonlRecordReader();
        var line = Encoding.UTF8.GetBytes("{\"id\":7,\"text\":\"줄\\n바꿈\",\"meta\":{\"a\":[1]}}");

        records.Validate(line, out var fields, out _).ShouldBe(JsonlProblem.None);

        JsonlRecordReader.Text(line, fields).ShouldBe("줄\n바꿈");
        JsonlRecordReader.Id(line, fields).ShouldBe("7");
        JsonlRecordReader.MetaJson(line, fields).ShouldBe("{\"a\":[1]}");
        var chars = Array.Empty<char>();
        var length = JsonlRecordReader.CopyText(line, fields, ref chars);
        new string(chars, 0, length).ShouldBe("줄\n바꿈");
    }
}
