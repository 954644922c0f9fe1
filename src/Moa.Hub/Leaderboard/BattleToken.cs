using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Moa.Hub.Leaderboard;

/// <summary>What a battle token carries: the phase, the voter, the voter's battle number, the prompt and the two anonymous slots.</summary>
public readonly record struct BattleTicket(long PhaseId, long VoterId, long Seq, long PromptId, long OrganisationA, long OrganisationB);

/// <summary>
/// Battle tokens: a battle is assigned without a database write. The assignment (prompt, pair and order) is a
/// deterministic function of HMAC(key, phase, voter, battle number), so reloading the page shows the same battle and a
/// voter cannot re-roll for a favoured pair; the token seals the assignment with AES-GCM (authenticated encryption), so
/// it does not reveal which team is A or B and any change to it is refused. The vote is one insert whose uniqueness
/// constraint (phase, voter, battle number) keeps one vote per voter per battle.
/// </summary>
public sealed class BattleTokens
{
    private const byte Version = 1;
    private const int PayloadBytes = 6 * 8;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int TokenBytes = 1 + NonceBytes + PayloadBytes + TagBytes;
    private readonly byte[] _sealKey;
    private readonly byte[] _pickKey;

    /// <summary>Derives the sealing and assignment keys from the hub's secret (at least 32 bytes).</summary>
    public BattleTokens(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < 32)
        {
            throw new ArgumentException("the battle token secret needs at least 32 bytes.", nameof(secret));
        }

        _sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("moa leaderboard battle token seal"));
        _pickKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("moa leaderboard battle assignment"));
    }

    /// <summary>Three pseudo-random 64-bit numbers fixed by (phase, voter, battle number): prompt, first and second slot.</summary>
    public (ulong Prompt, ulong First, ulong Second) Draw(long phaseId, long voterId, long seq)
    {
        Span<byte> input = stackalloc byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(input, phaseId);
        BinaryPrimitives.WriteInt64LittleEndian(input[8..], voterId);
        BinaryPrimitives.WriteInt64LittleEndian(input[16..], seq);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_pickKey, input, mac);
        return (BinaryPrimitives.ReadUInt64LittleEndian(mac), BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]), BinaryPrimitives.ReadUInt64LittleEndian(mac[16..]));
    }

    /// <summary>Seals a ticket into a URL-safe token (base64url, 103 characters).</summary>
    public string Seal(BattleTicket t)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = Version;
        var nonce = token.Slice(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> plain = stackalloc byte[PayloadBytes];
        BinaryPrimitives.WriteInt64LittleEndian(plain, t.PhaseId);
        BinaryPrimitives.WriteInt64LittleEndian(plain[8..], t.VoterId);
        BinaryPrimitives.WriteInt64LittleEndian(plain[16..], t.Seq);
        BinaryPrimitives.WriteInt64LittleEndian(plain[24..], t.PromptId);
        BinaryPrimitives.WriteInt64LittleEndian(plain[32..], t.OrganisationA);
        BinaryPrimitives.WriteInt64LittleEndian(plain[40..], t.OrganisationB);
        using var aes = new AesGcm(_sealKey, TagBytes);
        aes.Encrypt(nonce, plain, token.Slice(1 + NonceBytes, PayloadBytes), token[(1 + NonceBytes + PayloadBytes)..], token[..1]);
        return Base64Url(token);
    }

    /// <summary>Opens a token; null when it is malformed, was not sealed with this hub's key or was changed.</summary>
    public BattleTicket? Open(string? token)
    {
        if (token is null || token.Length != (TokenBytes * 4 + 2) / 3)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (!FromBase64Url(token, bytes) || bytes[0] != Version)
        {
            return null;
        }

        Span<byte> plain = stackalloc byte[PayloadBytes];
        using var aes = new AesGcm(_sealKey, TagBytes);
        try
        {
            aes.Decrypt(bytes.Slice(1, NonceBytes), bytes.Slice(1 + NonceBytes, PayloadBytes), bytes[(1 + NonceBytes + PayloadBytes)..], plain, bytes[..1]);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return new BattleTicket(
            BinaryPrimitives.ReadInt64LittleEndian(plain),
            BinaryPrimitives.ReadInt64LittleEndian(plain[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(plain[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(plain[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(plain[32..]),
            BinaryPrimitives.ReadInt64LittleEndian(plain[40..]));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static bool FromBase64Url(string text, Span<byte> into) =>
        System.Buffers.Text.Base64Url.IsValid(text) && System.Buffers.Text.Base64Url.TryDecodeFromChars(text, into, out var written) && written == into.Length;
}
