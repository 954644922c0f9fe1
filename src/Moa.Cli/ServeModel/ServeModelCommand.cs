using System.CommandLine;
using System.Diagnostics;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Serving;

namespace Moa.Cli.ServeModel;

/// <summary><c>moa serve-model --ngram CORPUS</c>: trains the character n-gram baseline and serves it over the OpenAI-compatible API on 127.0.0.1.</summary>
internal static class ServeModelCommand
{
    internal static Command Create()
    {
        var ngram = new Option<string>("--ngram") { Description = "Training corpus: a .txt file (one document a line), a JSONL file with a text field, or a folder of them.", Required = true };
        var order = new Option<int>("--order") { Description = "n of the character n-gram model (1-8).", DefaultValueFactory = _ => 5 };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8000 };
        var name = new Option<string>("--name") { Description = "Model name clients send as 'model'.", DefaultValueFactory = _ => "moa-ngram" };
        var field = new Option<string>("--text-field") { Description = "JSONL field holding the text.", DefaultValueFactory = _ => "text" };
        var maxContext = new Option<int>("--max-context") { Description = "Largest prompt plus completion in characters; longer requests get the OpenAI context-length error.", DefaultValueFactory = _ => 8192 };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Also accept prompts as token ids of this tokenizer (cl100k, o200k, gpt2, a SentencePiece .model or a tokenizer.json); each token scores the characters it adds." };
        var command = new Command("serve-model", "Train a character n-gram language model (interpolated Kneser-Ney) and serve it as an OpenAI-compatible endpoint with prompt logprobs on 127.0.0.1.");
        command.Options.Add(ngram);
        command.Options.Add(order);
        command.Options.Add(port);
        command.Options.Add(name);
        command.Options.Add(field);
        command.Options.Add(maxContext);
        command.Options.Add(tokenizer);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var corpus = parse.GetValue(ngram)!;
            var clock = Stopwatch.StartNew();
            var model = CharNgramModel.Train(CorpusReader.Read(corpus, parse.GetValue(field)!), parse.GetValue(order));
            Console.Error.WriteLine($"moa: trained {model} from {model.Documents:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s");
            var ids = parse.GetValue(tokenizer) is { } spec ? Moa.Evaluation.Models.TokenRequests.Open(spec).Tokenizer : null;
            var service = new ReferenceCompletionService(model, parse.GetValue(name)!, parse.GetValue(maxContext), ids);
            using var signals = CliSignals.Listen();
            return Serve(service, parse.GetValue(port), signals.Token).GetAwaiter().GetResult();
        }));
        return command;
    }

    private static async Task<int> Serve(ReferenceCompletionService service, int port, CancellationToken stop)
    {
        await using var server = await ReferenceModelServer.StartAsync(service, port, stop).ConfigureAwait(false);
        Console.WriteLine($"serving '{service.ModelName}' at {server.BaseUrl} (Ctrl+C or SIGTERM to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGINT or SIGTERM: stop cleanly.
        }

        return 0;
    }
}
