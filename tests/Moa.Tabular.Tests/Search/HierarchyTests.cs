using Moa.Tabular.Hierarchies;

namespace Moa.Tabular.Tests.Search;

public sealed class HierarchyTests
{
    private static string G(Hierarchy h, string value, int level)
    {
        h.TryGeneralize(value, level, out var g, out var problem).ShouldBeTrue(problem);
        return g;
    }

    [Fact]
    public void Date_DayMonthQuarterYear()
    {
        var h = KoreanHierarchies.Get("date");
        G(h, "2024-08-15", 1).ShouldBe("2024-08");
        G(h, "2024.08.15", 2).ShouldBe("2024-Q3");
        G(h, "20240815", 3).ShouldBe("2024");
        G(h, "2024-08-15", 4).ShouldBe("*");
        h.TryGeneralize("2024-13-45", 1, out _, out var problem).ShouldBeFalse();
        problem!.ShouldContain("2024-13-45");
    }

    [Fact]
    public void Age_Bands()
    {
        var h = KoreanHierarchies.Get("age");
        G(h, "37", 1).ShouldBe("35-39");
        G(h, "37", 2).ShouldBe("30-39");
        G(h, "37", 3).ShouldBe("20-39");
        h.TryGeneralize("서른", 1, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Address_SidoSigunguEupmyeondong()
    {
        var h = KoreanHierarchies.Get("address");
        const string a = "경기도 수원시 장안구 정자동 123-4";
        G(h, a, 1).ShouldBe("경기도 수원시 장안구 정자동");
        G(h, a, 2).ShouldBe("경기도 수원시 장안구");
        G(h, a, 3).ShouldBe("경기도");
        G(h, "서울특별시 종로구 청운동 1", 2).ShouldBe("서울특별시 종로구");
    }

    [Fact]
    public void PostcodeAndResidentNumberPrefix()
    {
        var p = KoreanHierarchies.Get("postcode");
        G(p, "03154", 1).ShouldBe("031**");
        G(p, "03154", 2).ShouldBe("03***");
        var r = KoreanHierarchies.Get("rrn");
        G(r, "900815-1", 1).ShouldBe("9008**-1");
        G(r, "900815-1", 2).ShouldBe("90****-1");
        r.TryGeneralize("901315-1", 1, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void ArxCsv_ReadsGenAdultHierarchy()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "hierarchy_age.csv");
        File.WriteAllText(path, "17,15-19,10-19,0-19,*\n18,15-19,10-19,0-19,*\n");
        var h = Hierarchy.FromArxCsv(path);
        h.Height.ShouldBe(5);
        G(h, "18", 2).ShouldBe("10-19");
        h.Leaves!.Count.ShouldBe(2);
    }

    [Fact]
    public void ArxCsv_RaggedRow_NamesTheLine()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "h.csv");
        File.WriteAllText(path, "a;x;*\nb;*\n");
        Should.Throw<MoaException>(() => Hierarchy.FromArxCsv(path)).Message.ShouldContain("line 2");
    }

    [Fact]
    public void UnknownBuiltin_ListsTheBuiltins()
    {
        Should.Throw<MoaException>(() => KoreanHierarchies.Get("zip")).Message.ShouldContain("builtin:postcode");
    }
}
