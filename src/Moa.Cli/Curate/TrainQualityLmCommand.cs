using System.CommandLine;
using System.Globalization;
using Moa.Curation.Perplexity;

namespace Moa.Cli.Curate;

/// <summary>
/// <c>moa curate train-lm</c>: builds the perplexity model of the quality stage from the openly licensed Korean text in
/// shared/data (tuning halves only). scripts/train-quality-lm.sh runs it to refresh the model shipped in Moa.Curation.
/// </summary>
internal static class TrainQualityLmCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared/data folder.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Model file to write (gzip).", Required = true };
        var order = new Option<int>("--order") { Description = "N-gram order in characters.", DefaultValueFactory = _ => new QualityLanguageModelTrainingOptions().Order };
        var prune = new Option<int>("--prune-below") { Description = "Leave out highest-order n-grams seen fewer times than this (1 keeps all).", DefaultValueFactory = _ => 1 };
        var command = new Command("train-lm", "Build the quality stage's perplexity model (character n-grams, modified Kneser-Ney) from shared/data; deterministic.")
        {
            data, output, order, prune,
        };
        command.SetAction(parse =>
        {
            var shared = parse.GetValue(data)!;
            var path = parse.GetValue(output)!;
            var options = new QualityLanguageModelTrainingOptions { Order = parse.GetValue(order), PruneHighestOrderBelow = parse.GetValue(prune) };
            var bytes = QualityLanguageModelTrainer.Build(
                QualityLanguageModelSources.Training(shared), QualityLanguageModelSources.CutoffReference(shared), options);
            var model = QualityLanguageModel.FromBytes(bytes, path);
            try
            {
                File.WriteAllBytes(path, bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MoaException($"{path}: cannot write the model ({ex.Message}).", ex);
            }

            var info = model.Info;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: order {info.Order}, {info.Entries:N0} n-grams in {info.Slots:N0} slots ({model.MemoryBytes / 1e6:0.0} MB in memory, {bytes.Length / 1e6:0.00} MB on disk); cut-offs head <= {info.HeadCutoff}, tail > {info.TailCutoff}"));
            foreach (var s in info.Training)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  trained on {s.File}: {s.Documents:N0} documents, {s.Characters:N0} characters (tuning half)"));
            }

            Console.WriteLine($"  table sha256 {info.TableSha256}");
            return 0;
        });
        return command;
    }
}
