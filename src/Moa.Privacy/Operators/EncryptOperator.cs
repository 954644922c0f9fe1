using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Moa.Privacy;

/// <summary>
/// Reversible replacement: AES-256-GCM with the type as associated data, written as
/// <c>[KR_RRN:enc:BASE64URL(nonce‖ciphertext‖tag)]</c>. The nonce is derived from the value with a keyed HMAC
/// (synthetic-IV style), so output is deterministic for one key, like pseudonyms; <see cref="Reveal"/> restores the
/// original text for the key holder only.
/// </summary>
public sealed partial class EncryptOperator : PiiOperator
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly PiiKey _key;

    public EncryptOperator(PiiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    public override string Name => "encrypt";

    public override void Append(StringBuilder output, string type, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(type);
        var plain = Encoding.UTF8.GetBytes(value.ToString());
        var aad = Encoding.UTF8.GetBytes(type);
        var blob = new byte[NonceSize + plain.Length + TagSize];
        var nonce = blob.AsSpan(0, NonceSize);
        byte[] nonceInput = [.. aad, 0, .. plain];
        HMACSHA256.HashData(_key.NonceKey, nonceInput).AsSpan(0, NonceSize).CopyTo(nonce);
        using (var aes = new AesGcm(_key.EncryptionKey, TagSize))
        {
            aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize, plain.Length), blob.AsSpan(NonceSize + plain.Length), aad);
        }

        output.Append('[').Append(type).Append(":enc:").Append(Base64Url.EncodeToString(blob)).Append(']');
    }

    /// <summary>
    /// Replaces every encrypted token in <paramref name="text"/> by the original value. A token that does not decrypt
    /// with <paramref name="key"/> (another key, or altered text) is a <see cref="MoaException"/>.
    /// </summary>
    public static string Reveal(string text, PiiKey key, out int revealed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(key);
        var count = 0;
        var result = TokenPattern().Replace(text, m =>
        {
            var type = m.Groups[1].Value;
            byte[] blob;
            try
            {
                blob = Base64Url.DecodeFromChars(m.Groups[2].ValueSpan);
            }
            catch (FormatException)
            {
                throw new MoaException($"token at offset {m.Index} is not valid base64url; the text was altered.");
            }

            if (blob.Length < NonceSize + TagSize)
            {
                throw new MoaException($"token at offset {m.Index} is too short to be an encrypted value; the text was altered.");
            }

            var plainLength = blob.Length - NonceSize - TagSize;
            var plain = new byte[plainLength];
            try
            {
                using var aes = new AesGcm(key.EncryptionKey, TagSize);
                aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize, plainLength), blob.AsSpan(NonceSize + plainLength), plain, Encoding.UTF8.GetBytes(type));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new MoaException($"token at offset {m.Index} ({type}) does not decrypt with key {key.Fingerprint}: it was encrypted with another key or altered.");
            }

            count++;
            return Encoding.UTF8.GetString(plain);
        });
        revealed = count;
        return result;
    }

    [GeneratedRegex(@"\[([A-Z_]+):enc:([A-Za-z0-9_-]+)\]")]
    private static partial Regex TokenPattern();
}
