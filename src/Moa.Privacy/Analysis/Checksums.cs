namespace Moa.Privacy.Analysis;

/// <summary>Check-digit algorithms of the identifiers Moa recognises, over digit values (0..9).</summary>
public static class Checksums
{
    /// <summary>Luhn (ISO/IEC 7812-1) over all digits, the last being the check digit.</summary>
    public static bool Luhn(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = d.Length - 1; i >= 0; i--)
        {
            int v = d[i];
            if (doubleIt)
            {
                v *= 2;
                if (v > 9)
                {
                    v -= 9;
                }
            }

            sum += v;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>Weighted sum of the first 12 digits of a resident/alien registration number (weights 2..9, 2..5).</summary>
    public static int RegistrationSum(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += d[i] * ((i % 8) + 2);
        }

        return sum;
    }

    /// <summary>Resident registration number check digit: (11 − S mod 11) mod 10.</summary>
    public static bool ResidentCheck(ReadOnlySpan<byte> d) => (11 - (RegistrationSum(d) % 11)) % 10 == d[12];

    /// <summary>Legacy alien registration number check digit: (13 − S mod 11) mod 10.</summary>
    public static bool AlienCheck(ReadOnlySpan<byte> d) => (13 - (RegistrationSum(d) % 11)) % 10 == d[12];

    /// <summary>Business registration number: weights 1,3,7,1,3,7,1,3,5 plus the carry of 5×d9.</summary>
    public static bool BusinessCheck(ReadOnlySpan<byte> d)
    {
        ReadOnlySpan<int> w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += d[i] * w[i];
        }

        sum += d[8] * 5 / 10;
        return (10 - (sum % 10)) % 10 == d[9];
    }

    /// <summary>Corporate registration number: 12 digits weighted 1,2,1,2,…; check = (10 − S mod 10) mod 10.</summary>
    public static bool CorporateCheck(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += d[i] * ((i % 2) + 1);
        }

        return (10 - (sum % 10)) % 10 == d[12];
    }

    /// <summary>EAN-13 / ISBN-13: weights 1,3,1,3,…; check = (10 − S mod 10) mod 10.</summary>
    public static bool Ean13(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += d[i] * ((i % 2 == 0) ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == d[12];
    }
}
