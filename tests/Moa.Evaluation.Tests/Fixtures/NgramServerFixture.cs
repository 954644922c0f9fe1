using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Serving;

namespace Moa.Evaluation.Tests.Fixtures;

/// <summary>One character 5-gram model trained on the first 6,000 NSMC reviews, served in-process on a free loopback port.</summary>
public sealed class NgramServerFixture : IAsyncLifetime
{
    public const string ModelName = "moa-ngram-test";

    private ReferenceModelServer? _server;

    public CharNgramModel Model { get; private set; } = null!;

    public ReferenceCompletionService Service { get; private set; } = null!;

    public string BaseUrl => _server!.BaseUrl.ToString();

    public async Task InitializeAsync()
    {
        Model = CharNgramModel.Train(CorpusReader.Read(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(6000), 5);
        Service = new ReferenceCompletionService(Model, ModelName, maxContext: 2048);
        _server = await ReferenceModelServer.StartAsync(Service, 0);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NgramServerCollection : ICollectionFixture<NgramServerFixture>
{
    public const string Name = "ngram server";
}
