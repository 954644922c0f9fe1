using System.Buffers.Binary;
using System.Security.Cryptography;
using Moa.Hub.Leaderboard;

namespace Moa.Hub.Tests.Unit;

/// <summary>Battle tokens: they round-trip, keep the pair's order hidden, and every change or foreign key is refused.</summary>
public sealed class BattleTokenTests
{
    private static readonly byte[] s_secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Open_SealedTicket_RoundTrips()
    {
        var tokens = new BattleTokens(s_secret);
        var ticket = new BattleTicket(7, 42, 3, 1001, 11, 12);
        tokens.Open(tokens.Seal(ticket)).ShouldBe(ticket);
    }

    [Fact]
    public void Seal_EitherOrderOfThePair_GivesTokensThatDoNotShowTheOrganisations()
    {
        var tokens = new BattleTokens(s_secret);
        var ab = tokens.Seal(new BattleTicket(7, 42, 3, 1001, 11, 12));
        var ba = tokens.Seal(new BattleTicket(7, 42, 3, 1001, 12, 11));
        ab.Length.ShouldBe(ba.Length);
        tokens.Seal(new BattleTicket(7, 42, 3, 1001, 11, 12)).ShouldNotBe(ab, "a fresh nonce each time: equal battles give different tokens");
        var id = new byte[8];
        foreach (var token in new[] { ab, ba })
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
            foreach (var org in new long[] { 11, 12, 1001, 42 })
            {
                BinaryPrimitives.WriteInt64LittleEndian(id, org);
                bytes.AsSpan().IndexOf(id).ShouldBe(-1, "ids are encrypted, not written in the clear");
            }
        }
    }

    [Fact]
    public void Open_AnyByteChanged_IsRefused()
    {
        var tokens = new BattleTokens(s_secret);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(tokens.Seal(new BattleTicket(1, 2, 0, 3, 4, 5)));
        for (var i = 0; i < bytes.Length; i++)
        {
            var forged = (byte[])bytes.Clone();
            forged[i] ^= 0x01;
            tokens.Open(System.Buffers.Text.Base64Url.EncodeToString(forged)).ShouldBeNull($"byte {i} changed");
        }
    }

    [Fact]
    public void Open_ForeignKeyOrGarbage_IsRefused()
    {
        var token = new BattleTokens(RandomNumberGenerator.GetBytes(32)).Seal(new BattleTicket(1, 2, 0, 3, 4, 5));
        var tokens = new BattleTokens(s_secret);
        tokens.Open(token).ShouldBeNull("sealed by another hub");
        tokens.Open(null).ShouldBeNull();
        tokens.Open("").ShouldBeNull();
        tokens.Open(new string('!', token.Length)).ShouldBeNull("not base64url");
        tokens.Open(token[..^1]).ShouldBeNull("cut short");
        tokens.Open(token + "A").ShouldBeNull("too long");
    }

    [Fact]
    public void Draw_SameVoterAndNumber_IsFixed_AndSpreadsOverVoters()
    {
        var tokens = new BattleTokens(s_secret);
        tokens.Draw(1, 2, 3).ShouldBe(tokens.Draw(1, 2, 3));
        new BattleTokens(s_secret).Draw(1, 2, 3).ShouldBe(tokens.Draw(1, 2, 3), "the same hub secret assigns the same battle after a restart");
        var firsts = Enumerable.Range(0, 2000).Select(v => tokens.Draw(1, v, 0).First % 2).ToArray();
        firsts.Count(x => x == 0).ShouldBeInRange(900, 1100, "A and B slots are balanced over voters");
    }
}
