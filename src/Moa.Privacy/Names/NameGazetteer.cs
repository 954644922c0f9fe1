using System.Runtime.CompilerServices;

namespace Moa.Privacy.Names;

/// <summary>
/// Public statistics used as features and to generate training names: Korean surnames in order of frequency
/// (Statistics Korea, 2015 census: 김 21.5%, 이 14.7%, 박 8.4%, 최 4.7%, 정 4.3% ... of the population) and the
/// syllables most often found in given names. Facts, not data copied from any source.
/// </summary>
internal static class NameGazetteer
{
    /// <summary>Single-syllable surnames, most frequent first.</summary>
    public const string Surnames =
        "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상시갈";

    /// <summary>Two-syllable surnames.</summary>
    public static readonly string[] CompoundSurnames = ["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"];

    /// <summary>Syllables common in Korean given names (both sexes, births from the 1950s to the 2010s).</summary>
    public const string GivenSyllables =
        "민서지준현수영우진은하윤동성호혜경연정주재희승유원상태석철미선숙순자옥훈혁빈아예채다나소가도시건규한용기종명광남식환범균일완열인찬형길애란향진영순덕복춘화봉근섭욱웅제창필표효휘희율린결담별솔슬";

    /// <summary>Approximate population shares (per mille) of the ten most frequent surnames; the rest share the remainder.</summary>
    private static readonly int[] s_topShares = [215, 147, 84, 47, 43, 24, 21, 21, 20, 17];

    // Per Hangul syllable (U+AC00..U+D7A3): bits 0-1 the surname rank, bit 2 a given-name syllable. One load per look-up.
    private static readonly byte[] s_syllables = BuildTable();

    /// <summary>0 = not a surname, 1 = one of the five most frequent, 2 = top 20, 3 = other surname.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SurnameRank(char c) => (uint)(c - '\uAC00') < (uint)s_syllables.Length ? s_syllables[c - '\uAC00'] & 3 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGivenSyllable(char c) => (uint)(c - '\uAC00') < (uint)s_syllables.Length && (s_syllables[c - '\uAC00'] & 4) != 0;

    private static byte[] BuildTable()
    {
        var table = new byte['\uD7A3' - '\uAC00' + 1];
        for (var i = Surnames.Length - 1; i >= 0; i--)
        {
            table[Surnames[i] - '\uAC00'] = (byte)(i < 5 ? 1 : i < 20 ? 2 : 3);
        }

        foreach (var c in GivenSyllables)
        {
            table[c - '\uAC00'] |= 4;
        }

        return table;
    }

    /// <summary>A surname drawn with (roughly) its population frequency.</summary>
    public static string RandomSurname(Random rng)
    {
        if (rng.Next(100) == 0)
        {
            return CompoundSurnames[rng.Next(CompoundSurnames.Length)];
        }

        var r = rng.Next(1000);
        for (var i = 0; i < s_topShares.Length; i++)
        {
            if (r < s_topShares[i])
            {
                return Surnames[i].ToString();
            }

            r -= s_topShares[i];
        }

        return Surnames[s_topShares.Length + rng.Next(Surnames.Length - s_topShares.Length)].ToString();
    }

    /// <summary>A given name of one (rarely) or two syllables.</summary>
    public static string RandomGiven(Random rng) =>
        rng.Next(20) == 0
            ? GivenSyllables[rng.Next(GivenSyllables.Length)].ToString()
            : string.Concat(GivenSyllables[rng.Next(GivenSyllables.Length)], GivenSyllables[rng.Next(GivenSyllables.Length)]);
}
