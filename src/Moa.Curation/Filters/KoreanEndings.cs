namespace Moa.Curation.Filters;

/// <summary>
/// Final syllables of Korean eojeol that mark a particle (조사) or a verbal ending (어미). Running prose has most
/// eojeol ending in one; menus, tag clouds and keyword lists are bare nouns. The list was chosen by measuring the
/// final-syllable distribution of KoBEST/CLIcK prose against navigation and keyword text (docs/curation/filters.md).
/// </summary>
internal static class KoreanEndings
{
    /// <summary>The syllables (particles, verbal endings, the 개조식 nominal endings 함/음/됨/임, and the function words 및/등); a bitmap over U+AC00..U+D7A3 is built from them.</summary>
    public const string Syllables =
        "을를이가은는에의로와과도만다요까고며면서지게한할된될던든인니라야죠네께랑나여해했어아듯록써데함음됨임및등";

    private static readonly bool[] s_map = Build();

    public static bool IsEnding(char c)
    {
        var i = (uint)(c - '\uAC00');
        var map = s_map;
        return i < (uint)map.Length && map[i];
    }

    private static bool[] Build()
    {
        var map = new bool['\uD7A3' - '\uAC00' + 1];
        foreach (var c in Syllables)
        {
            map[c - '\uAC00'] = true;
        }

        return map;
    }
}
