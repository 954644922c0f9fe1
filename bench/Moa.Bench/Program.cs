using BenchmarkDotNet.Running;
using Moa.Bench.Curation;

// Stage micro-benchmarks (BenchmarkDotNet): dotnet run -c Release --project bench/Moa.Bench -- --filter '*'
// Corpus-scale measurements used by bench/*.sh:
//   corpus SHARED_ROOT OUT_DIR MEGABYTES FILES   build the benchmark corpus
//   filter-check OUT ROUNDS PATH...             every filter outcome to OUT ("-": none) to compare builds; filter-stage CPU time (MOA_PROFILE=1: per part)
//   stages CORPUS_DIR                           per-core MB/s of the filter stages and of near dedup
//   dedup-precision PATH...                     near-dedup precision and cost, verified vs unverified LSH
//   dedup-scale build|single|exact|buckets|near|merge DIR ...   scaled-out dedup, one task per process (bench/dedup-scale.sh)
//   perplexity CORPUS_DIR [ROUNDS]              what perplexity scoring adds to the filter stages (bench/perplexity-speed.sh)
//   synth-speed copula ROWS COLS                Gaussian copula fit + sample (bench/synth.sh)
//   synth-speed privacy ROWS COLS QUERIES       distance, membership and attack figures of `moa synth evaluate` (bench/synth.sh)
//   deid ADULT_DIR [ROUNDS]                     k-anonymity check and optimal search on gen_adult data (bench/deid-speed.sh)
//   leaderboard-recompute [ROUNDS]              full phase recompute, 5 teams x 20 benchmarks x 10,000 items (bench/leaderboard.sh)
//   battle-load [VOTERS] [SECONDS] [separate]   battle page and votes under concurrent voters on loopback (bench/leaderboard.sh);
//                                               'separate': the load generator runs as its own process at nice 10 (battle-drive)
//   csv-parse ROUNDS PATH...                    Moa's CSV record parser vs Sep on the same decoded files (bench/csv-parse.sh)
//   person-speed ROUNDS FILE...                 person tagger alone, fast vs reference path, MB per CPU-second, model memory
switch (args.FirstOrDefault())
{
    case "corpus":
        BenchCorpus.Build(args[1], args[2], long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000, int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "filter-check":
        return Moa.Bench.Curation.FilterCheck.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), [.. args.Skip(3)]);
    case "stages":
        return StageThroughput.Run(args[1]);
    case "dedup-precision":
        return Moa.Bench.Dedup.DedupPrecision.Run([.. args.Skip(1)]);
    case "dedup-scale":
        return Moa.Bench.Dedup.DedupScale.Run([.. args.Skip(1)]);
    case "perplexity":
        return PerplexityThroughput.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    case "synth-speed":
        return Moa.Bench.Synthesis.SynthSpeed.Run([.. args.Skip(1)]);
    case "deid":
        return Moa.Bench.Tabular.DeidBench.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    case "leaderboard-recompute":
        return Moa.Bench.Leaderboard.LeaderboardBench.Recompute(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    case "battle-load":
        return await Moa.Bench.Leaderboard.LeaderboardBench.BattleLoad(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30,
            args.Contains("separate"));
    case "battle-drive":
        return await Moa.Bench.Leaderboard.LeaderboardBench.BattleDrive(args[1]);
    case "csv-parse":
        return Moa.Bench.Documents.CsvParseComparison.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), [.. args.Skip(2)]);
    case "person-speed":
        return Moa.Bench.Privacy.PersonSpeed.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), [.. args.Skip(2)]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}

/// <summary>Entry point holder for BenchmarkDotNet.</summary>
public partial class Program;
