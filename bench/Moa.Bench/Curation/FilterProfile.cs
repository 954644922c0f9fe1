using System.Diagnostics;
using Moa.Curation.Filters;
namespace Moa.Bench.Curation;
/// <summary>
/// Where the quality stage's time goes (filter-check with MOA_PROFILE set), CPU seconds, 1 thread, over normalised
/// texts: the analyser's scan alone, with repeated lines and paragraphs, with n-gram repetition, the whole measure
/// (with C4 line removal), the whole stage (measure, profile, decide), the signal list alone and the Korean prose signals
/// (MT anomalies, keyword repeats, coherence) with the analyser's scan they are folded into, and that scan with the Korean
/// word records but without the stem tables of keyword repeats and coherence, per MB of all texts.
/// </summary>
internal static class FilterProfile
{
    public static void Run(List<string> texts, string[] langs, double mb)
    {
        var a = TextAnalyzer.ForCurrentThread();
        var set = new QualityFilterSet(new QualityOptions());
        var stage = new QualityStage(new QualityOptions());
        var sig = DocumentSignals.ForCurrentThread();
        for (var r = 0; r < 2; r++)
        {
            var t0 = Time(() => { for (var i = 0; i < texts.Count; i++) { a.Analyze(texts[i], false, langs[i] == "en"); } });
            var t1 = Time(() => { for (var i = 0; i < texts.Count; i++) { a.Analyze(texts[i], false, langs[i] == "en"); a.DuplicateLines(); a.DuplicateParagraphs(); } });
            var t2 = Time(() => { Span<long> tp = stackalloc long[11]; Span<long> dp = stackalloc long[11]; for (var i = 0; i < texts.Count; i++) { a.Analyze(texts[i], false, langs[i] == "en"); a.NgramRepetition(tp, dp); } });
            var t3 = Time(() => { for (var i = 0; i < texts.Count; i++) { set.Measure(texts[i], langs[i], sig); } });
            var t4 = Time(() => { for (var i = 0; i < texts.Count; i++) { stage.Evaluate(texts[i], langs[i], new DocumentContext("jsonl", null, null)); } });
            var t5 = Time(() => { for (var i = 0; i < texts.Count; i++) { sig.All(); } });
            var t6 = Time(() => { for (var i = 0; i < texts.Count; i++) { var ko = langs[i] == "ko"; a.Analyze(texts[i], false, langs[i] == "en", ko); if (ko) { a.Korean.Finish(sig); } } });
            var t7 = Time(() => { for (var i = 0; i < texts.Count; i++) { a.Analyze(texts[i], false, langs[i] == "en", langs[i] == "ko"); } });
            Console.WriteLine($"analyze {mb / t0:F1}  +dup lines/paras {mb / t1:F1}  +ngrams {mb / t2:F1}  measure {mb / t3:F1}  evaluate {mb / t4:F1}  All() {mb / t5:F1}  analyze + Korean prose signals {mb / t6:F1} (word records only, without the stem tables {mb / t7:F1}) MB/s");
        }
    }
    private static double Time(Action pass)
    {
        GC.Collect();
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        pass();
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
    }
}
