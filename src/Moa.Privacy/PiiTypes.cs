namespace Moa.Privacy;

/// <summary>
/// The personal-information types Moa recognises. The names are a public contract: they appear in findings,
/// tags (<c>[KR_RRN]</c>), pseudonym tokens and <c>stats.json</c>.
/// </summary>
public static class PiiTypes
{
    public const string ResidentRegistrationNumber = "KR_RRN";
    public const string AlienRegistrationNumber = "KR_ARN";
    public const string Passport = "KR_PASSPORT";
    public const string DriverLicense = "KR_DRIVER_LICENSE";
    public const string BusinessRegistrationNumber = "KR_BRN";
    public const string CorporateRegistrationNumber = "KR_CRN";
    public const string Phone = "PHONE";
    public const string Email = "EMAIL";
    public const string CreditCard = "CREDIT_CARD";
    public const string BankAccount = "BANK_ACCOUNT";
    public const string IpAddress = "IP_ADDRESS";
    public const string VehiclePlate = "KR_VEHICLE_PLATE";
    public const string Address = "KR_ADDRESS";
    public const string Person = "PERSON";

    private static readonly string[] s_all =
    [
        ResidentRegistrationNumber, AlienRegistrationNumber, CorporateRegistrationNumber, BusinessRegistrationNumber,
        CreditCard, Passport, DriverLicense, Phone, Email, IpAddress, BankAccount, VehiclePlate, Address, Person,
    ];

    /// <summary>
    /// Every type, in priority order: when two findings of different types overlap with equal score and length,
    /// the one earlier in this list wins.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(s_all);

    /// <summary>The priority of a type (lower wins ties); -1 for an unknown name.</summary>
    public static int Priority(string type)
    {
        // Recognisers pass the constants above: a reference comparison settles them without comparing characters.
        var all = s_all;
        for (var i = 0; i < all.Length; i++)
        {
            if (ReferenceEquals(all[i], type))
            {
                return i;
            }
        }

        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="type"/> is one of <see cref="All"/> (exact, case-sensitive).</summary>
    public static bool IsKnown(string type) => Priority(type) >= 0;

    /// <summary>
    /// Parses a list of type names (as given on the command line or in a config) into a bit mask;
    /// an empty list means every type. Unknown names throw a <see cref="MoaException"/> that lists the valid ones.
    /// </summary>
    public static uint ParseMask(IEnumerable<string>? types, string origin = "--types")
    {
        uint mask = 0;
        if (types is not null)
        {
            foreach (var raw in types)
            {
                var name = raw.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                var p = Priority(name.ToUpperInvariant());
                if (p < 0)
                {
                    throw new MoaException($"{origin}: unknown PII type '{name}'. Valid types: {string.Join(", ", All)}.");
                }

                mask |= 1u << p;
            }
        }

        return mask == 0 ? AllMask : mask;
    }

    internal static uint AllMask => (1u << All.Count) - 1;

    internal static uint Bit(string type) => 1u << Priority(type);
}
