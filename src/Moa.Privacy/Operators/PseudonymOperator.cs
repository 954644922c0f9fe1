using System.Security.Cryptography;
using System.Text;
using Moa.Privacy.Analysis;

namespace Moa.Privacy;

/// <summary>
/// Keyed pseudonyms: HMAC-SHA-256 over the type and the normalised value (separators removed from numbers, e-mail
/// lower-cased, whitespace collapsed), so one key gives one token per person across files and runs
/// (<c>[PERSON:3f9a1c2b7d40e1a2]</c>). Phones and registration numbers keep their format instead, built so that the
/// result can never be a real number: a phone's subscriber part starts with 0 (never assigned in Korea) and a
/// registration number's month is 20–99; the birth year and the century/sex digit are kept.
/// </summary>
public sealed class PseudonymOperator : PiiOperator
{
    private readonly byte[] _key;

    public PseudonymOperator(PiiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.PseudonymKey;
    }

    public override string Name => "pseudonym";

    public override void Append(StringBuilder output, string type, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> mac = stackalloc byte[32];
        Hash(type, value, mac);
        switch (type)
        {
            case PiiTypes.Phone when TryPhone(output, value, mac):
                return;
            case PiiTypes.ResidentRegistrationNumber or PiiTypes.AlienRegistrationNumber when TryRegistration(output, value, mac):
                return;
            default:
                output.Append('[').Append(type).Append(':').Append(Convert.ToHexStringLower(mac[..8])).Append(']');
                return;
        }
    }

    private void Hash(string type, ReadOnlySpan<char> value, Span<byte> mac)
    {
        var normalised = Normalise(type, value);
        var bytes = Encoding.UTF8.GetBytes(type + "\0" + normalised);
        HMACSHA256.HashData(_key, bytes, mac);
    }

    internal static string Normalise(string type, ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(value.Length);
        switch (type)
        {
            case PiiTypes.Email:
                sb.Append(value).Replace(" ", "");
                return sb.ToString().ToLowerInvariant();
            case PiiTypes.Person or PiiTypes.Address:
                var space = false;
                foreach (var c in value)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        space = sb.Length > 0;
                        continue;
                    }

                    if (space)
                    {
                        sb.Append(' ');
                        space = false;
                    }

                    sb.Append(c);
                }

                return sb.ToString();
            case PiiTypes.Phone:
                var international = value.StartsWith("+82");
                foreach (var c in international ? value[3..] : value)
                {
                    if (Context.IsDigit(c))
                    {
                        sb.Append(c);
                    }
                }

                if (international && (sb.Length == 0 || sb[0] != '0'))
                {
                    sb.Insert(0, '0');
                }

                return sb.ToString();
            default:
                foreach (var c in value)
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        sb.Append(char.ToUpperInvariant(c));
                    }
                }

                return sb.ToString();
        }
    }

    /// <summary>Keeps the prefix (010, 02, 031, +82 10) and separators; the subscriber digits come from the MAC, the first forced to 0.</summary>
    private static bool TryPhone(StringBuilder output, ReadOnlySpan<char> value, ReadOnlySpan<byte> mac)
    {
        var national = Normalise(PiiTypes.Phone, value);
        if (national.Length < 9 || national[0] != '0')
        {
            return false;
        }

        var prefix = national[1] == '2' ? 2 : 3;
        var totalDigits = 0;
        foreach (var c in value)
        {
            totalDigits += Context.IsDigit(c) ? 1 : 0;
        }

        // Digits of the value that belong to the prefix (for +82 forms the country code and missing trunk 0 shift it).
        var keep = totalDigits - (national.Length - prefix);
        var seen = 0;
        var k = 0;
        Span<char> result = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Context.IsDigit(c))
            {
                seen++;
                if (seen > keep)
                {
                    c = k == 0 ? '0' : (char)('0' + (mac[k % mac.Length] % 10));
                    k++;
                }
            }

            result[i] = c;
        }

        output.Append(result);
        return true;
    }

    /// <summary>YY + month 20–99 + day + (separator) + the century/sex digit + six MAC digits: never a valid date.</summary>
    private static bool TryRegistration(StringBuilder output, ReadOnlySpan<char> value, ReadOnlySpan<byte> mac)
    {
        Span<char> digits = stackalloc char[13];
        var n = 0;
        foreach (var c in value)
        {
            if (Context.IsDigit(c))
            {
                if (n == 13)
                {
                    return false;
                }

                digits[n++] = c;
            }
        }

        if (n != 13)
        {
            return false;
        }

        var month = 20 + (mac[0] % 80);
        var day = 1 + (mac[1] % 28);
        output.Append(digits[..2]).Append((char)('0' + (month / 10))).Append((char)('0' + (month % 10)))
            .Append((char)('0' + (day / 10))).Append((char)('0' + (day % 10)));
        if (value.Length == 14)
        {
            output.Append(value[6]);
        }

        output.Append(digits[6]);
        for (var i = 0; i < 6; i++)
        {
            output.Append((char)('0' + (mac[2 + i] % 10)));
        }

        return true;
    }
}
