namespace Moa.Documents.Tests;

public sealed class BinaryRegistryTests
{
    [Theory]
    [InlineData("hwp/msit_press_release_noori.hwp", "hwp")]
    [InlineData("hwp/nts_rulings/drm_010000000000141568.hwp", "hwp")]
    [InlineData("hwpx/gangnam_notice.hwpx", "hwpx")]
    [InlineData("pdf/형법.pdf", "pdf")]
    [InlineData("xlsx/Koweps_Codebook_2019.xlsx", "xlsx")]
    public void Default_FindsReaderForRealFiles(string relative, string format)
    {
        var path = TestPaths.Data(["providers", .. relative.Split('/')]);

        ReaderRegistry.Default.Find(path)!.Format.ShouldBe(format);
    }

    [Fact]
    public void Default_HwpxRenamedToZip_FoundByMimetypeEntry()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "renamed.zip");
        File.Copy(TestPaths.Data("providers", "hwpx", "gangnam_notice.hwpx"), path);

        ReaderRegistry.Default.Find(path)!.Format.ShouldBe("hwpx");
    }

    [Fact]
    public void Default_PdfWithoutExtension_FoundByMagic()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "statute");
        File.Copy(TestPaths.Data("providers", "pdf", "형법.pdf"), path);

        ReaderRegistry.Default.Find(path)!.Format.ShouldBe("pdf");
    }

    [Theory]
    [InlineData("a.docx", "docx")]
    [InlineData("a.pptx", "pptx")]
    [InlineData("a.html", "html")]
    public void Default_OfficeAndHtmlByExtension(string name, string format)
    {
        ReaderRegistry.Default.Find(name, [])!.Format.ShouldBe(format);
    }
}
