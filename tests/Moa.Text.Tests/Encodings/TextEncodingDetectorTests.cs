using System.Text;
using Moa.Text.Encodings;

namespace Moa.Text.Tests.Encodings;

public sealed class TextEncodingDetectorTests
{
    [Theory]
    [InlineData("foreigner_utf8bom.csv", "utf-8-bom", 3)]
    [InlineData("news_comment_utf8.csv", "utf-8", 0)]
    [InlineData("도시가스충전소현황.csv", "cp949", 0)]
    [InlineData("전국관광지정보표준데이터.csv", "cp949", 0)]
    [InlineData("전국도시공원정보표준데이터.csv", "cp949", 0)]
    public void Detect_RealProviderFiles(string file, string name, int preamble)
    {
        var bytes = File.ReadAllBytes(TestPaths.Data("providers", "csv", file));

        var detected = TextEncodingDetector.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 4096)));

        detected.Name.ShouldBe(name);
        detected.PreambleLength.ShouldBe(preamble);
        var text = detected.Encoding.GetString(bytes, preamble, bytes.Length - preamble);
        text.ShouldNotContain('\uFFFD');
        text.ShouldContain(file.EndsWith("utf8.csv") ? "국보소년단" : file.StartsWith("foreigner") ? "사직동" : "광역시");
    }

    [Fact]
    public void Detect_Utf8SampleCutInsideACharacter_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("한국어 텍스트 😀 끝");
        for (var cut = 1; cut <= bytes.Length; cut++)
        {
            TextEncodingDetector.Detect(bytes.AsSpan(0, cut)).Name.ShouldBe("utf-8", $"cut at {cut}");
        }
    }

    [Fact]
    public void Detect_InvalidUtf8InTheMiddle_IsCp949()
    {
        var bytes = TextEncodingDetector.Cp949.GetBytes("공원명,주소");
        TextEncodingDetector.Detect(bytes).Name.ShouldBe("cp949");
        TextEncodingDetector.IsValidUtf8(bytes).ShouldBeFalse();
        TextEncodingDetector.IsValidCp949(bytes).ShouldBeTrue();
    }

    [Fact]
    public void Detect_Utf16Boms()
    {
        TextEncodingDetector.Detect([0xFF, 0xFE, 0x5C, 0xD5]).Name.ShouldBe("utf-16le");
        TextEncodingDetector.Detect([0xFE, 0xFF, 0xD5, 0x5C]).Name.ShouldBe("utf-16be");
        var le = TextEncodingDetector.Detect([0xFF, 0xFE, 0x5C, 0xD5]);
        le.Encoding.GetString([0x5C, 0xD5]).ShouldBe("한");
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF }, false)]
    [InlineData(new byte[] { 0x80 }, false)]
    [InlineData(new byte[] { 0xC8, 0x41 }, false)]
    [InlineData(new byte[] { 0x81, 0x41 }, true)]
    [InlineData(new byte[] { 0xB0, 0xA1, 0xB0 }, true)]
    public void IsValidCp949_ChecksLeadAndTrailBytes(byte[] bytes, bool valid)
    {
        TextEncodingDetector.IsValidCp949(bytes).ShouldBe(valid);
    }

    [Fact]
    public void Detect_EmptySample_IsUtf8()
    {
        TextEncodingDetector.Detect([]).Name.ShouldBe("utf-8");
    }
}
