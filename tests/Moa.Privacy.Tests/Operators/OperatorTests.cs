using System.Text;
using Moa.Privacy;
using Moa.Privacy.Tests.EvalSet;

namespace Moa.Privacy.Tests.Operators;

public class OperatorTests
{
    private static PiiKey KeyA { get; } = PiiKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static PiiKey KeyB { get; } = PiiKey.FromBytes(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

    private static string Apply(PiiOperator op, string type, string value)
    {
        var sb = new StringBuilder();
        op.Append(sb, type, value);
        return sb.ToString();
    }

    [Theory]
    [InlineData(PiiTypes.ResidentRegistrationNumber, "900101-1000006", "900101-1******")]
    [InlineData(PiiTypes.ResidentRegistrationNumber, "9001011000006", "9001011******")]
    [InlineData(PiiTypes.Phone, "010-1234-5678", "010-****-5678")]
    [InlineData(PiiTypes.Phone, "01012345678", "010****5678")]
    [InlineData(PiiTypes.Phone, "+82 10-1234-5678", "+82 10-****-5678")]
    [InlineData(PiiTypes.CreditCard, "4532-0151-1283-0366", "4532-01**-****-0366")]
    [InlineData(PiiTypes.Email, "hong.gd@example.com", "h******@example.com")]
    [InlineData(PiiTypes.Person, "홍길동", "홍**")]
    [InlineData(PiiTypes.Person, "John Smith", "J*** S****")]
    [InlineData(PiiTypes.Address, "서울특별시 종로구 세종대로 209", "서울특별시 종로구 **** ***")]
    [InlineData(PiiTypes.IpAddress, "192.168.10.200", "192.168.**.***")]
    [InlineData(PiiTypes.BusinessRegistrationNumber, "123-45-67891", "***-**-*****")]
    public void Mask_KeepsShape(string type, string value, string expected) => Apply(new MaskOperator(), type, value).ShouldBe(expected);

    [Fact]
    public void Tag_WritesTypeInBrackets() => Apply(new TagOperator(), PiiTypes.Phone, "010-1234-5678").ShouldBe("[PHONE]");

    [Fact]
    public void Pseudonym_SameValueSameKey_SameToken_AcrossInstancesAndFormats()
    {
        var a = new PseudonymOperator(KeyA);
        var b = new PseudonymOperator(PiiKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        Apply(a, PiiTypes.Person, "홍길동").ShouldBe(Apply(b, PiiTypes.Person, "홍길동"));
        Apply(a, PiiTypes.Email, "Hong@Example.com").ShouldBe(Apply(a, PiiTypes.Email, "hong@example.com"));
        Apply(a, PiiTypes.BusinessRegistrationNumber, "123-45-67891").ShouldBe(Apply(a, PiiTypes.BusinessRegistrationNumber, "1234567891"));
        Apply(a, PiiTypes.Person, "홍길동").ShouldMatch(@"^\[PERSON:[0-9a-f]{16}\]$");
    }

    [Fact]
    public void Pseudonym_DifferentKeyOrValue_DifferentToken()
    {
        Apply(new PseudonymOperator(KeyA), PiiTypes.Person, "홍길동").ShouldNotBe(Apply(new PseudonymOperator(KeyB), PiiTypes.Person, "홍길동"));
        Apply(new PseudonymOperator(KeyA), PiiTypes.Person, "홍길동").ShouldNotBe(Apply(new PseudonymOperator(KeyA), PiiTypes.Person, "홍길순"));
        Apply(new PseudonymOperator(KeyA), PiiTypes.Person, "홍길동").ShouldNotBe(Apply(new PseudonymOperator(KeyA), PiiTypes.Address, "홍길동"));
    }

    [Theory]
    [InlineData("010-1234-5678")]
    [InlineData("01098765432")]
    [InlineData("02-2100-1234")]
    [InlineData("031-723-4567")]
    [InlineData("+82 10-1234-5678")]
    [InlineData("010.2222.3333")]
    public void Pseudonym_Phone_KeepsFormatAndIsNeverAValidNumber(string phone)
    {
        var op = new PseudonymOperator(KeyA);
        var p = Apply(op, PiiTypes.Phone, phone);
        p.Length.ShouldBe(phone.Length);
        p.Where(c => !char.IsDigit(c)).ShouldBe(phone.Where(c => !char.IsDigit(c)));
        p.ShouldNotBe(phone);
        PiiAnalyzer.Default.Analyze("연락처 " + p).Where(f => f.Type == PiiTypes.Phone).ShouldBeEmpty($"pseudonym {p} still looks like a phone");
        Apply(op, PiiTypes.Phone, phone).ShouldBe(p);
    }

    [Theory]
    [InlineData("900101-1000006")]
    [InlineData("9001011000006")]
    [InlineData("990715-5123457")]
    public void Pseudonym_RegistrationNumber_KeepsYearAndSexDigit_InvalidDate(string rrn)
    {
        var p = Apply(new PseudonymOperator(KeyA), PiiTypes.ResidentRegistrationNumber, rrn);
        p.Length.ShouldBe(rrn.Length);
        p[..2].ShouldBe(rrn[..2]);
        int.Parse(p.Substring(2, 2)).ShouldBeInRange(20, 99);
        p[rrn.Length - 7].ShouldBe(rrn[rrn.Length - 7]);
        PiiAnalyzer.Default.Analyze("주민등록번호 " + p).ShouldBeEmpty();
    }

    [Fact]
    public void Encrypt_IsDeterministic_AndRevealRestores()
    {
        var op = new EncryptOperator(KeyA);
        var token = Apply(op, PiiTypes.ResidentRegistrationNumber, "900101-1000006");
        token.ShouldStartWith("[KR_RRN:enc:");
        Apply(op, PiiTypes.ResidentRegistrationNumber, "900101-1000006").ShouldBe(token);
        EncryptOperator.Reveal("번호 " + token + " 끝", KeyA, out var n).ShouldBe("번호 900101-1000006 끝");
        n.ShouldBe(1);
    }

    [Fact]
    public void Reveal_WithWrongKey_IsClearError()
    {
        var token = Apply(new EncryptOperator(KeyA), PiiTypes.Person, "홍길동");
        var ex = Should.Throw<MoaException>(() => EncryptOperator.Reveal(token, KeyB, out _));
        ex.Message.ShouldContain("another key");
    }

    [Fact]
    public void Reveal_AlteredTokenOrTypeSwap_IsClearError()
    {
        var token = Apply(new EncryptOperator(KeyA), PiiTypes.Person, "홍길동");
        Should.Throw<MoaException>(() => EncryptOperator.Reveal(token.Replace("PERSON", "EMAIL"), KeyA, out _));
        var body = token[(token.IndexOf(":enc:") + 5)..^1];
        var flipped = token.Replace(body, (body[0] == 'A' ? 'B' : 'A') + body[1..]);
        Should.Throw<MoaException>(() => EncryptOperator.Reveal(flipped, KeyA, out _));
    }

    [Fact]
    public void EncryptThenReveal_RoundTripsEveryEvalDocument()
    {
        var dir = TestPaths.NewTempDir();
        var keyFile = Path.Combine(dir, "k.key");
        PiiKey.Generate(keyFile);
        var scrubber = PiiScrubber.Create(new PiiStageOptions { Operator = "encrypt", KeyFile = keyFile });
        var total = 0;
        foreach (var doc in EvaluationTests.Load())
        {
            var r = scrubber.Scrub(doc.Text);
            EncryptOperator.Reveal(r.Text, scrubber.Key!, out var n).ShouldBe(doc.Text);
            n.ShouldBe(r.Findings.Count);
            total += n;
        }

        total.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Create_UnknownOperator_ListsValidOnes()
    {
        var ex = Should.Throw<MoaException>(() => PiiOperator.Create("hash", null));
        ex.Message.ShouldContain("pseudonym");
    }
}

public class ScrubberTests
{
    [Fact]
    public void Scrub_NothingFound_ReturnsSameInstance()
    {
        var s = PiiScrubber.Create(new PiiStageOptions());
        var text = "재밌는 영화였어요 10점 만점에 10점";
        var r = s.Scrub(text);
        ReferenceEquals(r.Text, text).ShouldBeTrue();
        r.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Scrub_Tag_ReplacesEveryFinding_OffsetsReferToOriginal()
    {
        var text = "홍길동 씨 연락처 010-1234-5678, 메일 hong@example.com";
        var r = PiiScrubber.Create(new PiiStageOptions()).Scrub(text);
        r.Text.ShouldBe("[PERSON] 씨 연락처 [PHONE], 메일 [EMAIL]");
        r.Findings.Select(f => text[f.Start..f.End]).ShouldBe(["홍길동", "010-1234-5678", "hong@example.com"]);
    }

    [Fact]
    public void Create_TypesAndMinScore_AreApplied()
    {
        var r = PiiScrubber.Create(new PiiStageOptions { Types = ["EMAIL"], Operator = "mask" }).Scrub("010-1234-5678 hong@example.com");
        r.Text.ShouldBe("010-1234-5678 h***@example.com");
    }

    [Fact]
    public void Create_UnknownType_IsClearError() =>
        Should.Throw<MoaException>(() => PiiScrubber.Create(new PiiStageOptions { Types = ["KR_SSN"] })).Message.ShouldContain("KR_SSN");

    [Fact]
    public void Create_PseudonymWithoutKey_IsClearError() =>
        Should.Throw<MoaException>(() => PiiScrubber.Create(new PiiStageOptions { Operator = "pseudonym" })).Message.ShouldContain("keygen");

    [Fact]
    public void Create_BadMinScore_IsClearError() =>
        Should.Throw<MoaException>(() => PiiScrubber.Create(new PiiStageOptions { MinScore = -0.1 }));

    [Fact]
    public void Scrub_IsThreadSafe_AndDeterministic()
    {
        var dir = TestPaths.NewTempDir();
        var keyFile = Path.Combine(dir, "k.key");
        PiiKey.Generate(keyFile);
        var s = PiiScrubber.Create(new PiiStageOptions { Operator = "pseudonym", KeyFile = keyFile });
        var docs = EvaluationTests.Load().Select(d => d.Text).ToArray();
        var serial = docs.Select(t => s.Scrub(t).Text).ToArray();
        var parallel = docs.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(t => s.Scrub(t).Text).ToArray();
        parallel.ShouldBe(serial);
        var again = PiiScrubber.Create(new PiiStageOptions { Operator = "pseudonym", KeyFile = keyFile });
        docs.Select(t => again.Scrub(t).Text).ShouldBe(serial);
    }
}

public class KeyFileTests
{
    [Fact]
    public void Generate_WritesOwnerOnlyFile_ThatLoads()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "pii.key");
        var k = PiiKey.Generate(path);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        PiiKey.Load(path).Fingerprint.ShouldBe(k.Fingerprint);
    }

    [Fact]
    public void Generate_ExistingFile_IsRefused()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "pii.key");
        PiiKey.Generate(path);
        Should.Throw<MoaException>(() => PiiKey.Generate(path)).Message.ShouldContain("overwrite");
    }

    [Fact]
    public void Load_WorldReadableKey_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(TestPaths.NewTempDir(), "pii.key");
        PiiKey.Generate(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.GroupRead);
        var ex = Should.Throw<MoaException>(() => PiiKey.Load(path));
        ex.Message.ShouldContain("chmod 600");
    }

    [Theory]
    [InlineData("")]
    [InlineData("moa-pii-key v1\n")]
    [InlineData("moa-pii-key v1\nnot base64!!\n")]
    [InlineData("moa-pii-key v1\nAAAA\n")]
    [InlineData("some other file\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    public void Load_MalformedKey_IsRefused(string content)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "pii.key");
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Should.Throw<MoaException>(() => PiiKey.Load(path)).Message.ShouldContain(path);
    }

    [Fact]
    public void Load_MissingFile_SaysHowToCreateOne() =>
        Should.Throw<MoaException>(() => PiiKey.Load("/nonexistent/pii.key")).Message.ShouldContain("keygen");
}
