using System.Text;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Tests.Tables;

public sealed class TableReadWriteTests
{
    [Fact]
    public void ReadCsv_EucKrDataGoKr_DecodesHangulAndKeepsEncodingOnWrite()
    {
        var table = TableReader.Read(TestPaths.Data("providers", "csv", "도시가스충전소현황.csv"));
        table.Source.Encoding.ShouldBe("cp949");
        table.RowCount.ShouldBeGreaterThan(10);
        table.ColumnNames.ShouldContain(n => n == "행정구역");

        var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir, "out.csv");
        TableWriter.Write(table, output);
        var again = TableReader.Read(output);
        again.Source.Encoding.ShouldBe("cp949");
        again.RowCount.ShouldBe(table.RowCount);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            for (var r = 0; r < table.RowCount; r += 7)
            {
                again[c][r].ShouldBe(table[c][r]);
            }
        }
    }

    [Fact]
    public void ReadXlsx_DataGoKrWorkbook_ReadsHeaderAndRows()
    {
        var table = TableReader.Read(TestPaths.Data("providers", "xlsx", "신분당선_역위치.xlsx"));
        table.Source.Format.ShouldBe(TableFormat.Xlsx);
        table.RowCount.ShouldBeGreaterThan(3);
        table.Columns.Count.ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.tsv")]
    [InlineData("t.xlsx")]
    [InlineData("t.parquet")]
    public void Write_ThenRead_RoundTripsEveryCell(string name)
    {
        var table = Table.FromRows(["이름", "age", "note"],
        [
            ["홍길동", "34", "a,b \"quoted\""],
            ["김철수", "", "line\nbreak"],
            ["이영희", "51", "plain"],
        ]);
        var path = Path.Combine(TestPaths.NewTempDir(), name);
        TableWriter.Write(table, path);
        var again = TableReader.Read(path, new TableReadOptions { TrimCells = false });
        again.ColumnNames.ShouldBe(table.ColumnNames);
        again.RowCount.ShouldBe(3);
        for (var r = 0; r < 3; r++)
        {
            again.Row(r).ShouldBe(table.Row(r));
        }

        Directory.GetFiles(Path.GetDirectoryName(path)!).Length.ShouldBe(1, "no temporary file is left behind");
    }

    [Fact]
    public void Column_IsDictionaryEncoded()
    {
        var column = Column.FromValues("sex", ["M", "F", "M", "M"]);
        column.Cardinality.ShouldBe(2);
        column.Codes.ToArray().ShouldBe([0, 1, 0, 0]);
        column.Counts().ShouldBe([3, 1]);
        column.IndexOf("F").ShouldBe(1);
        column.IndexOf("X").ShouldBe(-1);
    }

    [Fact]
    public void Where_KeepsSourceLinesForMessages()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "d.csv");
        File.WriteAllText(path, "a,b\n1,x\n\n2,y\n3,z\n");
        var table = TableReader.Read(path);
        table.SourceLine(1).ShouldBe(4);
        var filtered = table.Where([false, true, true]);
        filtered.RowCount.ShouldBe(2);
        filtered.Locate(0, "b").ShouldContain("line 4");
        filtered.Locate(0, "b").ShouldContain("column 'b'");
    }

    [Fact]
    public void ReadCsv_RaggedRow_NamesTheLine()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");
        var ex = Should.Throw<MoaException>(() => TableReader.Read(path));
        ex.Message.ShouldContain("line 3");
    }

    [Fact]
    public void ReadCsv_EmptyFile_IsAClearError()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "empty.csv");
        File.WriteAllBytes(path, []);
        Should.Throw<MoaException>(() => TableReader.Read(path)).Message.ShouldContain("empty");
    }

    [Fact]
    public void Require_MissingColumn_ListsTheHeader()
    {
        var table = Table.FromRows(["a", "b"], [["1", "2"]]);
        var ex = Should.Throw<MoaException>(() => table.Require("c"));
        ex.Message.ShouldContain("'c'");
        ex.Message.ShouldContain("a, b");
    }

    [Fact]
    public void ReadCsv_InvalidBytes_IsAClearError()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bin.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("a,b\n"), 0xFF, 0xFF, 0xFF, 0x0A]);
        Should.Throw<MoaException>(() => TableReader.Read(path));
    }
}
