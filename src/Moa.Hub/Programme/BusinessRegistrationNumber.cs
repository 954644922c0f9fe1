using Moa.Privacy.Analysis;

namespace Moa.Hub.Programme;

/// <summary>
/// Korean business registration number (사업자등록번호, NNN-NN-NNNNN) as the hub takes it from a form: the input rules
/// here, the check digit from the PII library's <see cref="Checksums.BusinessCheck"/> (the same rule the KR_BRN recognizer uses).
/// </summary>
public static class BusinessRegistrationNumber
{
    /// <summary>Digits only (hyphens and spaces removed) when valid; otherwise null.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[10];
        Span<byte> values = stackalloc byte[10];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (c is < '0' or > '9' || n == 10)
            {
                return null;
            }

            values[n] = (byte)(c - '0');
            digits[n++] = c;
        }

        return n == 10 && Checksums.BusinessCheck(values) ? new string(digits) : null;
    }

    /// <summary>Whether the number (with or without hyphens) has ten digits and a correct check digit.</summary>
    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>Formats ten digits as NNN-NN-NNNNN.</summary>
    public static string Format(string digits) => $"{digits[..3]}-{digits[3..5]}-{digits[5..]}";

    /// <summary>Validates and returns the digits, or throws with a message naming the rule.</summary>
    public static string Require(string? input) =>
        Normalise(input) ?? throw HubException.Invalid(
            $"businessRegistrationNumber: '{input}' is not a valid Korean business registration number (10 digits NNN-NN-NNNNN whose last digit is the checksum).");
}
