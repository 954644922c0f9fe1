using Moa.Privacy.Analysis;
using Moa.Privacy.Recognizers.Korea;

namespace Moa.Privacy.Recognizers;

/// <summary>Runs every enabled recogniser that works on a grouped number; each adds zero or more candidates.</summary>
internal static class NumericRecognizers
{
    private static readonly uint s_thirteen = PiiTypes.Bit(PiiTypes.ResidentRegistrationNumber) | PiiTypes.Bit(PiiTypes.AlienRegistrationNumber) | PiiTypes.Bit(PiiTypes.CorporateRegistrationNumber);
    private static readonly uint s_brn = PiiTypes.Bit(PiiTypes.BusinessRegistrationNumber);
    private static readonly uint s_card = PiiTypes.Bit(PiiTypes.CreditCard);
    private static readonly uint s_phone = PiiTypes.Bit(PiiTypes.Phone);
    private static readonly uint s_ip = PiiTypes.Bit(PiiTypes.IpAddress);
    private static readonly uint s_licence = PiiTypes.Bit(PiiTypes.DriverLicense);
    private static readonly uint s_account = PiiTypes.Bit(PiiTypes.BankAccount);

    public static bool TryMatch(NumberView v, uint mask, List<PiiFinding> sink)
    {
        var found = false;
        if ((mask & s_thirteen) != 0 && v.DigitCount == 13)
        {
            found |= RegistrationNumber.TryMatch(v, sink);
        }

        if ((mask & s_brn) != 0 && v.DigitCount == 10)
        {
            found |= BusinessRegistrationNumber.TryMatch(v, sink);
        }

        if ((mask & s_card) != 0 && v.DigitCount is >= 14 and <= 19)
        {
            found |= CreditCard.TryMatch(v, sink);
        }

        if ((mask & s_phone) != 0 && v.DigitCount is >= 7 and <= 13)
        {
            found |= Phone.TryMatch(v, sink);
        }

        if ((mask & s_ip) != 0 && v.Groups == 4)
        {
            found |= IpAddress.TryMatch(v, sink);
        }

        if ((mask & s_licence) != 0 && v.DigitCount is 10 or 12)
        {
            found |= DriverLicense.TryMatch(v, sink);
        }

        if ((mask & s_account) != 0 && v.DigitCount is >= 10 and <= 15)
        {
            found |= BankAccount.TryMatch(v, sink);
        }

        return found;
    }
}
