using Moa.Privacy.Analysis;
using Moa.Privacy.Recognizers.Korea;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// Partly masked identifiers that still leak (<c>750507-1******</c> gives the birth date and sex, <c>010-****-5678</c>
/// the carrier prefix and the last four digits). They are reported under the type of the whole identifier, with the
/// span covering the mask, so a replacement removes what is left. Only resident/alien registration numbers and
/// telephone numbers are handled: no other type is recognisable once masked.
/// </summary>
internal static class MaskedNumbers
{
    private static readonly uint s_thirteen = PiiTypes.Bit(PiiTypes.ResidentRegistrationNumber) | PiiTypes.Bit(PiiTypes.AlienRegistrationNumber);
    private static readonly uint s_phone = PiiTypes.Bit(PiiTypes.Phone);

    public static bool TryMatch(NumberView v, uint mask, List<PiiFinding> sink) =>
        ((mask & s_thirteen) != 0 && v.DigitCount == 13 && TryRegistration(v, sink))
        || ((mask & s_phone) != 0 && v.DigitCount is >= 9 and <= 11 && TryPhone(v, sink));

    private static bool TryRegistration(NumberView v, List<PiiFinding> sink)
    {
        var grouped = v.HasShape([6, 7]) && v.Separators[0] is '-' or ' ';
        if (!grouped && !v.IsContiguous)
        {
            return false;
        }

        var d = v.Digits;
        if (d[..6].Contains(NumberScanner.MaskDigit) || !d[6..].Contains(NumberScanner.MaskDigit))
        {
            return false;
        }

        int g = d[6];
        if (g == 0 || g == 9 || (!grouped && g == NumberScanner.MaskDigit))
        {
            return false;
        }

        var yy = (d[0] * 10) + d[1];
        var month = (d[2] * 10) + d[3];
        var day = (d[4] * 10) + d[5];
        var dateOk = g switch
        {
            1 or 2 or 5 or 6 => RegistrationNumber.IsValidDate(1900 + yy, month, day),
            3 or 4 or 7 or 8 => RegistrationNumber.IsValidDate(2000 + yy, month, day),
            _ => RegistrationNumber.IsValidDate(1900 + yy, month, day) || RegistrationNumber.IsValidDate(2000 + yy, month, day),
        };
        if (!dateOk)
        {
            return false;
        }

        var type = g is >= 5 and <= 8 ? PiiTypes.AlienRegistrationNumber : PiiTypes.ResidentRegistrationNumber;
        var score = !grouped ? 0.7 : g == NumberScanner.MaskDigit ? 0.8 : 0.9;
        sink.Add(new PiiFinding(v.Start, v.End, type, score));
        return true;
    }

    private static bool TryPhone(NumberView v, List<PiiFinding> sink)
    {
        var d = v.Digits;
        if (d[0] != 0 || d[1] == NumberScanner.MaskDigit)
        {
            return false;
        }

        int prefix;
        if (d[1] == 1 && d[2] is 0 or 1 or 6 or 7 or 8 or 9)
        {
            prefix = 3;
        }
        else if (d[1] == 2)
        {
            prefix = 2;
        }
        else if ((d[1] is >= 3 and <= 6 && d[2] is >= 1 and <= 5) || (d[1] == 7 && d[2] == 0))
        {
            prefix = 3;
        }
        else
        {
            return false;
        }

        var l = v.Lengths;
        bool shapeOk;
        if (v.IsContiguous)
        {
            shapeOk = prefix == 3 && d.Length == 11;
        }
        else
        {
            shapeOk = v.UniformSeparators && v.Separators[0] != '.' && l.Length == 3 && l[0] == prefix && l[1] is 3 or 4 && l[2] == 4;
        }

        if (!shapeOk || d[..prefix].Contains(NumberScanner.MaskDigit))
        {
            return false;
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.Phone, v.IsContiguous ? 0.7 : 0.85));
        return true;
    }
}
