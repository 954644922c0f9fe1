using System.IO.Compression;
using System.Text;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;

namespace Moa.Hub.Tests.Unit;

public class BusinessRegistrationNumberTests
{
    [Theory]
    [InlineData("124-81-00998")]
    [InlineData("1248100998")]
    [InlineData("220-81-62517")]
    [InlineData("101 82 13347")]
    public void IsValid_KnownNumbers_AreAccepted(string brn) => BusinessRegistrationNumber.IsValid(brn).ShouldBeTrue();

    [Theory]
    [InlineData("124-81-00997")] // wrong check digit
    [InlineData("138-81-43457")] // wrong check digit (carry of 5 x d9 matters)
    [InlineData("124-81-0099")] // 9 digits
    [InlineData("124-81-009981")] // 11 digits
    [InlineData("12a-81-00998")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_BadNumbers_AreRejected(string? brn) => BusinessRegistrationNumber.IsValid(brn).ShouldBeFalse();

    [Fact]
    public void Require_BadNumber_MessageNamesFieldAndRule()
    {
        var ex = Should.Throw<HubException>(() => BusinessRegistrationNumber.Require("124-81-00997"));
        ex.Message.ShouldContain("businessRegistrationNumber");
        ex.Message.ShouldContain("checksum");
    }

    [Fact]
    public void Checksum_CarryOfNinthDigit_IsPartOfTheSum()
    {
        // 138-81-4345?: without the carry term (5*5/10 = 2) the check digit would be 5, with it 3.
        BusinessRegistrationNumber.IsValid("138-81-43453").ShouldBeTrue();
        BusinessRegistrationNumber.IsValid("138-81-43455").ShouldBeFalse();
    }
}

public class PasswordHasherTests
{
    [Fact]
    public void Hash_ThenVerify_RoundTripsAndRejectsOthers()
    {
        var h = PasswordHasher.Hash("a long enough password");
        h.ShouldStartWith("pbkdf2-sha256$210000$");
        PasswordHasher.Verify("a long enough password", h).ShouldBeTrue();
        PasswordHasher.Verify("a long enough passworD", h).ShouldBeFalse();
        PasswordHasher.Hash("a long enough password").ShouldNotBe(h, "salts differ");
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$1000$AAAA$AAAA")] // too few iterations
    [InlineData("md5$x$y$z")]
    [InlineData("pbkdf2-sha256$210000$not base64$x")]
    public void Verify_MalformedOrWeakHash_IsFalse(string stored) => PasswordHasher.Verify("whatever", stored).ShouldBeFalse();

    [Fact]
    public void CheckStrength_ShortPassword_Throws() => Should.Throw<HubException>(() => PasswordHasher.CheckStrength("short")).Message.ShouldContain("12");
}

public class SampleScrubberTests
{
    [Fact]
    public void Scrub_KoreanIdentifiers_AreReplaced()
    {
        var masked = CatalogueService.SampleScrubber.Scrub("연락처 010-1234-5678, 메일 hong.gildong@example.co.kr, 주민 900101-1234567").Text;
        masked.ShouldBe("연락처 [PHONE], 메일 [EMAIL], 주민 [KR_RRN]");
    }

    [Fact]
    public void Scrub_TextWithoutIdentifiers_IsUnchanged() => CatalogueService.SampleScrubber.Scrub("최고다..매트릭스를 능가한다 10점").Text.ShouldBe("최고다..매트릭스를 능가한다 10점");
}

public class DocumentInspectorTests
{
    private static readonly HubOptions s_options = new() { MaxDocumentBytes = 64 * 1024, MaxUncompressedBytes = 4 * 1024 * 1024, MaxCompressionRatio = 100 };

    private static Task<string> Check(byte[] bytes) =>
        DocumentInspector.CopyAndCheckAsync(new MemoryStream(bytes), new MemoryStream(), "doc", s_options);

    [Fact]
    public async Task Sniff_Pdf_ByMagicBytes() => (await Check("%PDF-1.7\n..."u8.ToArray())).ShouldBe("application/pdf");

    [Fact]
    public async Task Sniff_HwpOleHeader_IsHwp() => (await Check([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0])).ShouldBe("application/x-hwp");

    [Fact]
    public async Task Sniff_ExecutableRenamedPdf_IsRejected()
    {
        var ex = await Should.ThrowAsync<HubException>(() => Check("MZ\x90\0 this is an exe"u8.ToArray()));
        ex.Message.ShouldContain("first bytes");
    }

    [Fact]
    public async Task Oversized_IsRejectedWith413()
    {
        var big = new byte[s_options.MaxDocumentBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var ex = await Should.ThrowAsync<HubException>(() => Check(big));
        ex.StatusCode.ShouldBe(413);
    }

    [Fact]
    public async Task Empty_IsRejected() => (await Should.ThrowAsync<HubException>(() => Check([]))).Message.ShouldContain("empty");

    [Fact]
    public async Task Zip_TraversalEntry_IsRejected()
    {
        var ex = await Should.ThrowAsync<HubException>(() => Check(Zip(("../../etc/cron.d/x", Encoding.UTF8.GetBytes("boom")))));
        ex.Message.ShouldContain("path traversal");
    }

    [Fact]
    public async Task Zip_Bomb_IsRejectedByMeasuredInflation()
    {
        var ex = await Should.ThrowAsync<HubException>(() => Check(Zip(("Contents/section0.xml", new byte[20 * 1024 * 1024]))));
        ex.Message.ShouldContain("zip bomb");
    }

    [Fact]
    public async Task Zip_OrdinaryHwpx_IsAccepted() =>
        (await Check(Zip(("mimetype", "application/hwp+zip"u8.ToArray()), ("Contents/section0.xml", Encoding.UTF8.GetBytes("<p>데이터 제공 계획</p>")))))
            .ShouldBe("application/zip");

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\신청서.pdf", "신청서.pdf")]
    [InlineData("..", "document")]
    [InlineData("a\u0000b.pdf", "ab.pdf")]
    public void SafeFileName_StripsPathsAndControls(string input, string expected) => DocumentInspector.SafeFileName(input).ShouldBe(expected);

    internal static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(data);
            }
        }

        return ms.ToArray();
    }
}

public class AuditVerifierTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var prev = AuditLog.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry { Seq = i, At = 1_700_000_000_000 + i, Actor = "user:1:a@b", Action = "x.done", Subject = $"thing:{i}", Detail = "{}", PrevHash = prev };
            e.Hash = AuditLog.ComputeHash(e);
            prev = e.Hash;
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public void Verify_IntactChain_IsOk() => AuditVerifier.Verify(Chain(10)).Ok.ShouldBeTrue();

    [Fact]
    public void Verify_AlteredDetail_NamesThatEntry()
    {
        var c = Chain(10);
        c[6].Detail = "{\"tampered\":true}";
        var r = AuditVerifier.Verify(c);
        r.Ok.ShouldBeFalse();
        r.BrokenSeq.ShouldBe(7);
        r.Message.ShouldContain("altered");
    }

    [Fact]
    public void Verify_RemovedEntry_NamesTheGap()
    {
        var c = Chain(10);
        c.RemoveAt(4);
        var r = AuditVerifier.Verify(c);
        r.BrokenSeq.ShouldBe(6);
        r.Message.ShouldContain("expected sequence number 5");
    }

    [Fact]
    public void Verify_RehashedEntry_BreaksTheNextLink()
    {
        var c = Chain(10);
        c[2].Actor = "someone-else";
        c[2].Hash = AuditLog.ComputeHash(c[2]); // attacker recomputes one hash but not the chain
        var r = AuditVerifier.Verify(c);
        r.BrokenSeq.ShouldBe(4);
        r.Message.ShouldContain("previous-hash");
    }
}

public class SecurityUnitTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/datasets?x=1", true)]
    [InlineData("/\\evil.example/phish", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/a\\b", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void LocalUrl_OnlyPathsOfThisSite(string? url, bool local) => Moa.Hub.Web.LocalUrl.IsLocal(url).ShouldBe(local);

    [Theory]
    [InlineData("password1234", "most common")]
    [InlineData("Password!!!!", "most common")]
    [InlineData("qwertyuiop12", "most common")]
    [InlineData("aaaaaaaaaaaa", "repeats")]
    [InlineData("abcabcabcabc", "repeats")]
    [InlineData("123456789012", "run of consecutive")]
    [InlineData("abcdefghijkl", "run of consecutive")]
    [InlineData("hong.gildong1", "email name")]
    public void CheckStrength_CommonRepeatedOrPersonal_IsRefused(string password, string reason) =>
        Should.Throw<HubException>(() => PasswordHasher.CheckStrength(password, "hong.gildong@example.kr")).Message.ShouldContain(reason);

    [Theory]
    [InlineData("correct-horse-battery-9")]
    [InlineData("바다-구름-연필-사과-7")]
    [InlineData("bench-operator-password")]
    public void CheckStrength_Passphrases_AreAccepted(string password) => PasswordHasher.CheckStrength(password, "hong.gildong@example.kr");

    [Fact]
    public void AuditAnchor_SignsCheckpoints_AndVerificationNamesTruncationAndRewrites()
    {
        var dir = TestPaths.NewTempDir();
        var anchor = new AuditAnchor(dir);
        var entries = new List<AuditEntry>();
        var prev = AuditLog.GenesisHash;
        for (var i = 1; i <= 5; i++)
        {
            var e = new AuditEntry { Seq = i, At = 1_700_000_000_000 + i, Actor = "system", Action = "test", Subject = $"s:{i}", PrevHash = prev };
            e.Hash = AuditLog.ComputeHash(e);
            prev = e.Hash;
            entries.Add(e);
            anchor.Record(e.Seq, e.Hash, e.At).ShouldNotBeNull();
        }

        anchor.Record(3, entries[2].Hash, 0).ShouldBeNull("older heads are not recorded twice");
        var checkpoints = AuditAnchor.ReadCheckpoints(Path.Combine(dir, AuditAnchor.CheckpointFile));
        checkpoints.Count.ShouldBe(5);
        var pub = File.ReadAllText(Path.Combine(dir, AuditAnchor.PublicKeyFile));
        AuditAnchor.VerifyAgainst(entries, checkpoints, pub, "cp").Ok.ShouldBeTrue();
        var cut = AuditAnchor.VerifyAgainst(entries.Take(3).ToList(), checkpoints, pub, "cp");
        cut.Ok.ShouldBeFalse();
        cut.Message.ShouldContain("newest entries were deleted");
        var forged = entries.Select(e => new AuditEntry { Seq = e.Seq, At = e.At, Actor = e.Actor, Action = e.Action, Subject = e.Subject, Detail = e.Detail, PrevHash = e.PrevHash, Hash = e.Hash }).ToList();
        forged[1].Actor = "someone else";
        for (var i = 1; i < forged.Count; i++)
        {
            forged[i].PrevHash = forged[i - 1].Hash;
            forged[i].Hash = AuditLog.ComputeHash(forged[i]);
        }

        AuditVerifier.Verify(forged).Ok.ShouldBeTrue();
        AuditAnchor.VerifyAgainst(forged, checkpoints, pub, "cp").Message.ShouldContain("rewritten");
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        AuditAnchor.VerifyAgainst(entries, checkpoints, other.ExportSubjectPublicKeyInfoPem(), "cp").Message.ShouldContain("signature does not verify");

        // A restarted anchor continues after the last recorded checkpoint with the same key.
        var again = new AuditAnchor(dir);
        again.Record(5, entries[4].Hash, 0).ShouldBeNull();
        again.PublicKeyPem.ShouldBe(anchor.PublicKeyPem);
    }
}
