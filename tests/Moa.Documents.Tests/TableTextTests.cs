using Moa.Documents.Packaging;

namespace Moa.Documents.Tests;

public sealed class TableTextTests
{
    private const char R = TableText.RowMarker;
    private const char C = TableText.CellMarker;

    [Fact]
    public void Render_ShortCells_TabSeparatedRows()
    {
        var region = $"\n{R}\n이름\n{C}\n전화\n{R}\n홍길동\n과장\n{C}\n02-123-4567\n{R}\n{C}\n";

        TableText.Render(region).ShouldBe("이름\t전화\n홍길동 과장\t02-123-4567");
    }

    [Fact]
    public void Render_EmptyCellsInsideRow_KeepColumns()
    {
        TableText.Render($"{R}\na\n{C}\n{C}\nc\n{C}\n").ShouldBe("a\t\tc");
    }

    [Fact]
    public void Render_CellWithPassages_LinesInOrder()
    {
        var passage = new string('가', TableText.MaxDataCellChars + 1);
        var region = $"{R}\n● 서론\n{C}\n{passage}\n둘째 문단\n{R}\n● 본론\n{C}\n본문";

        TableText.Render(region).ShouldBe($"● 서론\n{passage}\n둘째 문단\n● 본론\n본문");
    }

    [Fact]
    public void Render_TooManyParagraphsInACell_LinesInOrder()
    {
        TableText.Render($"{R}\n1\n2\n3\n4\n{C}\nx").ShouldBe("1\n2\n3\n4\nx");
    }

    [Fact]
    public void Render_SingleCellOrNoMarkers_Lines()
    {
        TableText.Render($"{R}\n하나\n둘").ShouldBe("하나\n둘");
        TableText.Render("앞\n뒤").ShouldBe("앞\n뒤");
        TableText.Render("").ShouldBe("");
    }
}
