using System.Text;
using Moa.Hub.Accounts;

namespace Moa.Hub.Tests.Unit;

public class TotpTests
{
    private static readonly byte[] s_rfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 Appendix B, SHA-1 rows (8 digits).
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Code_MatchesTheRfc6238TestVectors(long unixSeconds, string expected) =>
        Totp.Code(s_rfcSecret, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), 8).ShouldBe(expected);

    [Fact]
    public void Code_SixDigits_IsTheLastSixOfTheEightDigitCode() =>
        Totp.Code(s_rfcSecret, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(59))).ShouldBe("287082");

    [Fact]
    public void Base32_RoundTripsAndMatchesRfc4648()
    {
        Totp.Base32(s_rfcSecret).ShouldBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        Totp.Base32("foobar"u8).ShouldBe("MZXW6YTBOI");
        Totp.FromBase32("mzxw6ytboi======").ShouldBe("foobar"u8.ToArray());
        var secret = Totp.NewSecret();
        Totp.FromBase32(Totp.Base32(secret)).ShouldBe(secret);
        Should.Throw<FormatException>(() => Totp.FromBase32("ABC1")).Message.ShouldContain("'1'");
    }

    [Fact]
    public void Match_AcceptsOneStepEitherSide_AndNothingElse()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.Step(now);
        foreach (var d in new[] { -1, 0, 1 })
        {
            Totp.Match(s_rfcSecret, Totp.Code(s_rfcSecret, step + d), now).ShouldBe(step + d);
        }

        Totp.Match(s_rfcSecret, Totp.Code(s_rfcSecret, step - 2), now).ShouldBeNull();
        Totp.Match(s_rfcSecret, Totp.Code(s_rfcSecret, step + 2), now).ShouldBeNull();
        Totp.Match(s_rfcSecret, null, now).ShouldBeNull();
        Totp.Match(s_rfcSecret, "12345", now).ShouldBeNull();
        Totp.Match(s_rfcSecret, "12345a", now).ShouldBeNull();
        Totp.Match(s_rfcSecret, "١٢٣٤٥٦", now).ShouldBeNull();
    }

    [Fact]
    public void Uri_IsAnOtpauthUriWithTheBase32Secret() =>
        Totp.Uri("Moa hub", "op@moa.test", s_rfcSecret).ShouldBe("otpauth://totp/Moa%20hub:op%40moa.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Moa%20hub&algorithm=SHA1&digits=6&period=30");
}
