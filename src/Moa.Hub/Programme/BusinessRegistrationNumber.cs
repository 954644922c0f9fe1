namespace Moa.Hub.Programme;

/// <summary>
/// Korean business registration number (사업자등록번호, NNN-NN-NNNNN): the tenth digit is a check digit over the first
/// nine with weights 1,3,7,1,3,7,1,3,5, plus the carry of 5 × the ninth digit.
/// </summary>
public static class BusinessRegistrationNumber
{
    private static ReadOnlySpan<byte> Weights => [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>Digits only (hyphens and spaces removed) when valid; otherwise null.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[10];
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

            digits[n++] = c;
        }

        return n == 10 && IsValidDigits(digits) ? new string(digits) : null;
    }

    /// <summary>Whether the number (with or without hyphens) has ten digits and a correct check digit.</summary>
    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>Formats ten digits as NNN-NN-NNNNN.</summary>
    public static string Format(string digits) => $"{digits[..3]}-{digits[3..5]}-{digits[5..]}";

    /// <summary>Validates and returns the digits, or throws with a message naming the rule.</summary>
    public static string Require(string? input) =>
        Normalise(input) ?? throw HubException.Invalid(
            $"businessRegistrationNumber: '{input}' is not a valid Korean business registration number (10 digits NNN-NN-NNNNN whose last digit is the checksum).");

    private static bool IsValidDigits(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * Weights[i];
        }

        sum += (d[8] - '0') * 5 / 10;
        return (10 - (sum % 10)) % 10 == d[9] - '0';
    }
}
