using System.Buffers.Binary;
using System.Text;
using Moa.Documents.Hwp;
using Moa.Documents.Packaging;

namespace Moa.Documents.Tests;

public sealed class HwpReaderTests
{
    private static readonly HwpReader s_reader = new();

    private static string Hwp(params string[] parts) => TestPaths.Data(["providers", "hwp", .. parts]);

    [Fact]
    public void Read_MsitPressRelease_ReadsBodyAndTableText()
    {
        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Hwp("msit_press_release_noori.hwp"));

        issues.ShouldBeEmpty();
        var document = documents.ShouldHaveSingleItem();
        document.Text.ShouldContain("국민이 정한 그 이름은 ｢누리｣");
        document.Text.ShouldContain("과학기술정보통신부(장관 유영민, 이하 ‘과기정통부’)는");
        document.Text.ShouldContain("한국형발사체(KSLV-2)");

        // Tables are nested paragraphs; data tables (short cells) come out as tab-separated rows.
        document.Text.ShouldStartWith("보도일시\t2018. 9. 4.(화) 조간(온라인 9. 3. 12:00)부터 보도해 주시기 바랍니다.\n배포일시\t2018. 9. 3.(월) 09:00\t담당부서\t거대공공연구정책과\n");
        document.Text.ShouldContain("\n총 길이\t47.2 m\t25.8 m\n");
        document.Id.ShouldBe("msit_press_release_noori.hwp:0");
        document.Origin.Format.ShouldBe("hwp");
        document.Origin.Part.ShouldBeNull();
        document.Extra!["format_detail"].ShouldBe("HWP 5.0.3.4");
        document.Extra["sections"].ShouldBe("1");
        document.Text.Length.ShouldBeInRange(1500, 3000);
    }

    [Fact]
    public void Read_BasicsReport_IncludesTablesAndFootnotes()
    {
        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, Hwp("basicsReport.hwp"));

        issues.ShouldBeEmpty();
        var text = documents.ShouldHaveSingleItem().Text;
        text.ShouldContain("리포트의 제목");
        text.ShouldContain("담당교수");
        text.ShouldContain("(각주1)");

        // The body sits in a two-column layout table whose cells hold whole passages: read as lines, not one row.
        text.ShouldContain("\n● 서론\n1)\n각주목록을 적용합니다.\n(각주1)\n");
        text.ShouldContain("과목명\t\tOOOO");
        text.ShouldNotContain("\n\n\n");
        text.ShouldNotContain("\r");
        text.Any(c => c < ' ' && c is not '\n' and not '\t').ShouldBeFalse();
    }

    [Fact]
    public void Read_AllNtsRulings_TextOrDrmRefusal()
    {
        var files = Directory.GetFiles(Hwp("nts_rulings"), "*.hwp").Order().ToList();
        files.Count.ShouldBe(32);
        var withText = 0;

        foreach (var file in files)
        {
            var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, file);
            if (Path.GetFileName(file).StartsWith("drm_", StringComparison.Ordinal))
            {
                documents.ShouldBeEmpty();
                var issue = issues.ShouldHaveSingleItem();
                issue.Code.ShouldBe("hwp-drm");
                issue.File.ShouldBe(file);
                issue.Message.ShouldContain("DRM");
                continue;
            }

            issues.ShouldBeEmpty(file);
            var text = documents.ShouldHaveSingleItem(file).Text;
            text.ShouldContain("[ 문서번호 ]", customMessage: file);
            text.ShouldContain("[ 제    목 ]", customMessage: file);
            text.Length.ShouldBeGreaterThan(150, file);
            withText++;
        }

        withText.ShouldBe(30);
    }

    [Theory]
    [InlineData(1u << 1, "hwp-password")]
    [InlineData(1u << 2, "hwp-distribution")]
    [InlineData(1u << 4, "hwp-drm")]
    [InlineData(1u << 10, "hwp-drm")]
    public void Read_ProtectionFlagInFileHeader_RefusedWithCode(uint flag, string code)
    {
        var bytes = File.ReadAllBytes(Hwp("msit_press_release_noori.hwp"));
        var header = bytes.AsSpan().IndexOf("HWP Document File"u8);
        header.ShouldBeGreaterThan(0);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(header + 36));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(header + 36), flags | flag);
        var path = Path.Combine(TestPaths.NewTempDir(), "protected.hwp");
        File.WriteAllBytes(path, bytes);

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe(code);
        issue.File.ShouldBe(path);
        issue.Line.ShouldBe(0);
    }

    [Theory]
    [InlineData("HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05", "hwp-unsupported-version")]
    [InlineData("", "corrupt-container")]
    [InlineData("just some text, not a compound file", "corrupt-container")]
    public void Read_NotHwp5_RefusedWithCode(string content, string code)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.hwp");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));

        var (documents, issues) = BinaryReaderTestKit.ReadAll(s_reader, path);

        documents.ShouldBeEmpty();
        issues.ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    [Fact]
    public void Read_SectionInflatesPastLimit_RefusedAsTooLarge()
    {
        var reader = new HwpReader { MaxSectionBytes = 1000 };

        var (documents, issues) = BinaryReaderTestKit.ReadAll(reader, Hwp("msit_press_release_noori.hwp"));

        documents.ShouldBeEmpty();
        var issue = issues.ShouldHaveSingleItem();
        issue.Code.ShouldBe("file-too-large");
        issue.Message.ShouldContain("BodyText/Section0");
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() => BinaryReaderTestKit.ReadAll(s_reader, Hwp("basicsReport.hwp"), cts.Token));
    }

    [Fact]
    public void CanRead_ByExtensionOrHwp3Signature()
    {
        s_reader.CanRead("a.HWP", []).ShouldBeTrue();
        s_reader.CanRead("a.bin", "HWP Document File V3.00"u8).ShouldBeTrue();
        s_reader.CanRead("a.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).ShouldBeFalse();
    }

    [Fact]
    public void AppendParagraph_ControlCharacters_DecodedOrSkipped()
    {
        // "가" + extended control (0x0B, six payload units, 0x0B) + tab (inline, 8 units) + "나" + line break
        // + fixed-width space + surrogate pair U+20000 + lone high surrogate + hyphen + paragraph end + junk.
        ushort[] units =
        [
            0xAC00,
            0x0B, 0x6274, 0x6C20, 0, 0, 0, 0, 0x0B,
            0x09, 0, 0, 0, 0, 0, 0, 0x09,
            0xB098, 0x0A, 0x1F, 0xD840, 0xDC00, 0xD800, 0x41, 24, 0x42, 0x0D, 0x43,
        ];
        var text = new StringBuilder();

        HwpExtractor.AppendParagraph(Bytes(units), text).ShouldBeTrue();

        text.ToString().ShouldBe("가\t나\n \U00020000\uFFFDA-B");
    }

    [Fact]
    public void AppendParagraph_OnlyControlsAndSpaces_AddsNothing()
    {
        var text = new StringBuilder("앞");

        HwpExtractor.AppendParagraph(Bytes([0x20, 0x0B, 1, 2, 3, 4, 5, 6, 0x0B, 0x20, 0x0D]), text).ShouldBeFalse();

        text.ToString().ShouldBe("앞");
    }

    [Fact]
    public void AppendParagraph_TruncatedExtendedControl_Ends()
    {
        var text = new StringBuilder();

        HwpExtractor.AppendParagraph(Bytes([0x41, 0x0B, 1]), text).ShouldBeTrue();

        text.ToString().ShouldBe("A");
    }

    [Fact]
    public void AppendSection_NestedLevelsAndExtendedSize_AllParagraphsInOrder()
    {
        var records = new MemoryStream();
        WriteRecord(records, 66, 0, new byte[22]);
        WriteRecord(records, 67, 1, Bytes([0x41, 0x0D]));
        WriteRecord(records, 71, 1, Encoding.ASCII.GetBytes("lbt ").Reverse().ToArray());
        WriteRecord(records, 67, 3, Bytes([0x42, 0x0D]));

        // A 5,000-byte paragraph needs the extended size field (size 0xFFF in the header).
        var big = Enumerable.Repeat((ushort)'C', 2499).Append((ushort)0x0D).ToArray();
        WriteRecord(records, 67, 3, Bytes(big));
        var text = new StringBuilder();

        var paragraphs = HwpExtractor.AppendSection(records.ToArray(), text, "test", CancellationToken.None);

        paragraphs.ShouldBe(3);
        text.ToString().ShouldBe("A\nB\n" + new string('C', 2499));
    }

    [Fact]
    public void AppendSection_HiddenComment_Skipped()
    {
        var records = new MemoryStream();
        WriteRecord(records, 67, 0, Bytes([0x41, 0x0D]));
        WriteRecord(records, 71, 1, Encoding.ASCII.GetBytes("tcmt").Reverse().ToArray());
        WriteRecord(records, 72, 2, new byte[8]);
        WriteRecord(records, 67, 2, Bytes([0x48, 0x0D]));
        WriteRecord(records, 67, 1, Bytes([0x42, 0x0D]));
        var text = new StringBuilder();

        HwpExtractor.AppendSection(records.ToArray(), text, "test", CancellationToken.None);

        text.ToString().ShouldBe("A\nB");
    }

    [Fact]
    public void AppendSection_RecordLongerThanSection_ThrowsCorrupt()
    {
        var records = new MemoryStream();
        WriteRecord(records, 67, 0, Bytes([0x41, 0x0D]));
        records.Write(BitConverter.GetBytes(67u | (0xFFFu << 20)));
        records.Write(BitConverter.GetBytes(0x7FFFFFFFu));
        records.Write(new byte[10]);

        var e = Should.Throw<DocumentFormatException>(() => HwpExtractor.AppendSection(records.ToArray(), new StringBuilder(), "BodyText/Section0", CancellationToken.None));

        e.Code.ShouldBe("corrupt-container");
        e.Message.ShouldContain("BodyText/Section0");
    }

    private static byte[] Bytes(ushort[] units)
    {
        var bytes = new byte[units.Length * 2];
        for (var i = 0; i < units.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), units[i]);
        }

        return bytes;
    }

    private static void WriteRecord(Stream stream, int tag, int level, byte[] payload)
    {
        var header = (uint)tag | ((uint)level << 10);
        if (payload.Length >= 0xFFF)
        {
            stream.Write(BitConverter.GetBytes(header | (0xFFFu << 20)));
            stream.Write(BitConverter.GetBytes((uint)payload.Length));
        }
        else
        {
            stream.Write(BitConverter.GetBytes(header | ((uint)payload.Length << 20)));
        }

        stream.Write(payload);
    }
}
