using System.Text;
using System.Text.Unicode;

namespace Moa.Text.Encodings;

/// <summary>An encoding found for a byte sample.</summary>
/// <param name="Encoding">Strict decoder to use: invalid bytes throw <see cref="DecoderFallbackException"/>.</param>
/// <param name="PreambleLength">Bytes of byte-order mark to skip before decoding.</param>
/// <param name="Name">One of <c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>cp949</c>.</param>
public readonly record struct DetectedEncoding(Encoding Encoding, int PreambleLength, string Name);

/// <summary>
/// Tells the encodings Korean providers hand over apart: byte-order marks first, then valid UTF-8, else CP949
/// (the superset of EUC-KR used by Windows and by data.go.kr exports).
/// </summary>
public static class TextEncodingDetector
{
    private static readonly Lazy<Encoding> s_cp949 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Strict UTF-8 without BOM emission: decoding invalid bytes throws.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Code page 949 (Unified Hangul Code, an EUC-KR superset), strict: unmapped bytes throw.</summary>
    public static Encoding Cp949 => s_cp949.Value;

    /// <summary>
    /// Detects the encoding of a sample taken from the start of a file. A UTF-8 sequence cut by the end of the
    /// sample is allowed; anything else invalid as UTF-8 means CP949.
    /// </summary>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(StrictUtf8, 3, "utf-8-bom");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "utf-16le");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "utf-16be");
        }

        if (IsValidUtf8(TrimIncompleteTail(sample)))
        {
            return new DetectedEncoding(StrictUtf8, 0, "utf-8");
        }

        return new DetectedEncoding(Cp949, 0, "cp949");
    }

    /// <summary>Whether <paramref name="bytes"/> is entirely valid UTF-8 (vectorised).</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>
    /// Whether <paramref name="bytes"/> is well-formed CP949: ASCII, or a lead byte 0x81–0xFE followed by a trail byte
    /// 0x41–0x5A, 0x61–0x7A or 0x81–0xFE (0xA1–0xFE only after leads 0xC7 and up). The decoder itself maps some invalid
    /// bytes (0x80, 0xFF) to private-use characters instead of failing, so readers check this first.
    /// A sequence cut by the end of the sample is allowed.
    /// </summary>
    public static bool IsValidCp949(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var ascii = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                return true;
            }

            i += ascii;
            var lead = bytes[i];
            if (lead is 0x80 or 0xFF)
            {
                return false;
            }

            if (i + 1 >= bytes.Length)
            {
                return true;
            }

            var trail = bytes[i + 1];
            var valid = lead >= 0xC7
                ? trail is >= 0xA1 and <= 0xFE
                : trail is (>= 0x41 and <= 0x5A) or (>= 0x61 and <= 0x7A) or (>= 0x81 and <= 0xFE);
            if (!valid)
            {
                return false;
            }

            i += 2;
        }

        return true;
    }

    /// <summary>Drops a multi-byte sequence cut by the end of the sample (at most 3 bytes), if its start is well formed.</summary>
    internal static ReadOnlySpan<byte> TrimIncompleteTail(ReadOnlySpan<byte> sample)
    {
        // Look back at most 3 bytes for the lead byte of the last sequence.
        for (var back = 1; back <= 3 && back <= sample.Length; back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? sample[..^back] : sample;
        }

        return sample;
    }
}
