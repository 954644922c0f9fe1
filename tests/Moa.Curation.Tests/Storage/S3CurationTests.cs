using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;
using Moa.Curation.Storage;
using Moa.Curation.Tests.Pipeline;

namespace Moa.Curation.Tests.Storage;

/// <summary>
/// moa curate over s3:// against the real S3-compatible server of scripts/start-s3.sh (npm s3rver; test.sh exports
/// MOA_TEST_S3=1, MOA_S3_ENDPOINT and the keys). Fails, never skips, when the server is not up.
/// </summary>
public sealed class S3CurationTests
{
    [Fact]
    public void Run_InputsAndOutputInS3_PublishesTheLocalRunsFilesByteForByte()
    {
        using var s3 = new S3Fixture();
        var dir = TestPaths.NewTempDir();
        var (localIn, config) = WriteInputs(dir);
        s3.PutFolder(localIn, "in");
        var source = $"s3://{s3.Bucket}/in";
        var local = Path.Combine(dir, "local");
        new CurationRunner().Run(new CurationRequest
        {
            Inputs = [localIn], OutputDir = local, Config = config, Workers = 2, SourceNames = [new(localIn, source)],
        });

        var curation = new S3Curation(s3.Settings(Path.Combine(dir, "cache")));
        var result = curation.Run(new CurationRequest { Inputs = [source], OutputDir = $"s3://{s3.Bucket}/out", Config = config, Workers = 2 });

        result.Completed.ShouldBeTrue();
        result.OutputDir.ShouldBe($"s3://{s3.Bucket}/out");
        var published = s3.Download("out", Path.Combine(dir, "published"));
        AssertSameRun(local, published);
        curation.Skipped.ShouldBe(0);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(published, "manifest.json")));
        manifest.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("path").GetString())
            .ShouldBe([$"{source}/a.jsonl", $"{source}/b.jsonl"]);
        var first = CurationFixture.ReadParts(Path.Combine(published, "data"))[0];
        first.GetProperty("meta").GetProperty("source").GetString().ShouldStartWith($"{source}/");

        // Only the manifest and the files of the run it names are under the prefix.
        var runId = S3Fixture.RunId(File.ReadAllBytes(Path.Combine(published, "manifest.json")));
        s3.Keys("out/").ShouldAllBe(k => k == "out/manifest.json" || k.StartsWith($"out/runs/{runId}/", StringComparison.Ordinal));

        // A second run over the same objects publishes nothing new.
        var again = new S3Curation(s3.Settings(Path.Combine(dir, "cache")));
        again.Run(new CurationRequest { Inputs = [source], OutputDir = $"s3://{s3.Bucket}/out", Config = config, Workers = 2 });
        again.Uploaded.ShouldBe(0);
    }

    [Fact]
    public void Run_UploadFailsMidPart_NoManifestThenRerunResumesAndMatches()
    {
        using var s3 = new S3Fixture();
        var dir = TestPaths.NewTempDir();
        var (localIn, config) = WriteInputs(dir);
        var local = Path.Combine(dir, "local");
        new CurationRunner().Run(new CurationRequest { Inputs = [localIn], OutputDir = local, Config = config, Workers = 2 });
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(local, "manifest.json")));
        var sizes = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("bytes").GetInt64()).ToList();
        sizes.Count.ShouldBeGreaterThan(2);
        var request = new CurationRequest { Inputs = [localIn], OutputDir = $"s3://{s3.Bucket}/corpus", Config = config, Workers = 2 };
        var cache = Path.Combine(dir, "cache");
        var partSize = 4L * 1024;
        sizes[1].ShouldBeGreaterThan(2 * partSize); // the second file goes up as a multipart upload

        // The hook fails the transfer inside the second file's multipart upload (the SDK reads each body twice over
        // plain http: once to sign its sha256, once to send it).
        var budget = (2 * sizes[0]) + sizes[1];
        var failing = new S3Curation(new S3Settings { Endpoint = s3.Endpoint, CacheDir = cache, PartSize = partSize, MaxRetries = 1, FailAfterBytes = budget });
        var error = Should.Throw<MoaException>(() => failing.Run(request));
        error.Message.ShouldStartWith($"s3://{s3.Bucket}/corpus/");
        error.Message.ShouldContain("test hook");
        s3.Keys("corpus/").ShouldNotContain("corpus/manifest.json");
        s3.Keys("corpus/").ShouldAllBe(k => k.StartsWith("corpus/runs/", StringComparison.Ordinal)); // only under the temporary prefix
        failing.Uploaded.ShouldBeGreaterThan(0);
        var uploadedBefore = failing.Uploaded;

        var resumed = new S3Curation(new S3Settings { Endpoint = s3.Endpoint, CacheDir = cache, PartSize = partSize });
        var result = resumed.Run(request);

        result.Completed.ShouldBeTrue();
        resumed.Skipped.ShouldBe(uploadedBefore);
        AssertSameRun(local, s3.Download("corpus", Path.Combine(dir, "published")));
    }

    [Fact]
    public void Run_Overwrite_ManifestSwitchesReadersThenTheOldRunIsDeleted()
    {
        using var s3 = new S3Fixture();
        var dir = TestPaths.NewTempDir();
        var (localIn, config) = WriteInputs(dir);
        var cache = Path.Combine(dir, "cache");
        var output = $"s3://{s3.Bucket}/corpus";
        new S3Curation(s3.Settings(cache)).Run(new CurationRequest { Inputs = [localIn], OutputDir = output, Config = config, Workers = 2 });
        var first = S3Fixture.RunId(File.ReadAllBytes(Path.Combine(s3.Download("corpus", Path.Combine(dir, "first")), "manifest.json")));

        config.Output.PartBytes = 32 * 1024; // another config: another manifest, another run folder
        var refused = Should.Throw<MoaException>(() => new S3Curation(s3.Settings(cache)).Run(new CurationRequest { Inputs = [localIn], OutputDir = output, Config = config, Workers = 2 }));
        refused.Message.ShouldContain("--overwrite");
        refused.Message.ShouldStartWith(output);

        var local = Path.Combine(dir, "local");
        new CurationRunner().Run(new CurationRequest { Inputs = [localIn], OutputDir = local, Config = config, Workers = 2 });
        var replacing = new S3Curation(s3.Settings(cache));
        replacing.Run(new CurationRequest { Inputs = [localIn], OutputDir = output, Config = config, Workers = 2, Overwrite = true });
        replacing.CleanupError.ShouldBeNull();
        var published = s3.Download("corpus", Path.Combine(dir, "second"));
        AssertSameRun(local, published);
        var second = S3Fixture.RunId(File.ReadAllBytes(Path.Combine(published, "manifest.json")));
        second.ShouldNotBe(first);
        s3.Keys("corpus/").ShouldAllBe(k => k == "corpus/manifest.json" || k.StartsWith($"corpus/runs/{second}/", StringComparison.Ordinal));

        using var store = new S3Store(s3.Settings(cache));
        var run = S3PublishedRun.Read(store, S3Url.Parse(output)).ShouldNotBeNull();
        run.Id.ShouldBe(second);
        run.Manifest.Files.Select(f => f.Path).ShouldContain(p => p.StartsWith("data/", StringComparison.Ordinal));
        S3PublishedRun.Read(store, S3Url.Parse($"s3://{s3.Bucket}/nothing-here")).ShouldBeNull();
    }

    [Fact]
    public void Settings_FromPipelineYaml_EndpointAndCredentialsWithoutEnvironment()
    {
        using var s3 = new S3Fixture();
        var dir = TestPaths.NewTempDir();
        var (localIn, _) = WriteInputs(dir);
        var secretFile = Path.Combine(dir, "secret");
        File.WriteAllText(secretFile, (Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "S3RVER") + "\n");
        var yaml = $"""
            output:
              part_bytes: 49152
            storage:
              s3:
                endpoint: {s3.Endpoint}
                region: us-east-1
                access_key_id: {Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "S3RVER"}
                secret_access_key_file: {secretFile}
                cache_dir: {Path.Combine(dir, "cache")}
                part_size_mb: 5
            """;
        var config = CurationConfigLoader.Parse(yaml);
        var settings = S3Settings.From(config.Storage.S3);
        settings.Endpoint.ShouldBe(s3.Endpoint);
        settings.PartSize.ShouldBe(5L << 20);

        // The storage section is where the corpus goes, not what it is: the config hash and manifest ignore it.
        CurationConfigLoader.Hash(config).ShouldBe(CurationConfigLoader.Hash(CurationConfigLoader.Parse("output:\n  part_bytes: 49152\n")));
        CurationConfigLoader.ToCanonicalJson(config).ShouldNotContain(secretFile);

        var endpoint = Environment.GetEnvironmentVariable("MOA_S3_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        try
        {
            Environment.SetEnvironmentVariable("MOA_S3_ENDPOINT", "http://127.0.0.1:9"); // nothing listens: the YAML must win
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "NOT-A-KEY");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "not-a-secret");
            var result = new S3Curation(S3Settings.From(config.Storage.S3)).Run(new CurationRequest { Inputs = [localIn], OutputDir = $"s3://{s3.Bucket}/yaml", Config = config, Workers = 2 });
            result.Completed.ShouldBeTrue();
        }
        finally
        {
            Environment.SetEnvironmentVariable("MOA_S3_ENDPOINT", endpoint);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
        }

        s3.Keys("yaml/").ShouldContain("yaml/manifest.json");
    }

    [Theory]
    [InlineData("storage:\n  s3:\n    endpoint: minio:9000\n", "storage.s3.endpoint")]
    [InlineData("storage:\n  s3:\n    access_key_id: AKIA\n", "storage.s3.access_key_id")]
    [InlineData("storage:\n  s3:\n    part_size_mb: 1\n", "storage.s3.part_size_mb")]
    [InlineData("storage:\n  s3:\n    bucket: x\n", "unknown key")]
    public void Settings_BadYaml_ErrorNamesTheKey(string yaml, string expected)
    {
        Should.Throw<MoaException>(() => CurationConfigLoader.Parse(yaml, "p.yaml")).Message.ShouldContain(expected);
    }

    [Fact]
    public void Settings_MissingSecretFile_ErrorNamesTheFile()
    {
        var config = CurationConfigLoader.Parse("storage:\n  s3:\n    access_key_id: AKIA\n    secret_access_key_file: /nonexistent/moa-secret\n");
        Should.Throw<MoaException>(() => S3Settings.From(config.Storage.S3)).Message.ShouldStartWith("/nonexistent/moa-secret: cannot read");
    }

    [Fact]
    public void Run_BadUrl_OneLineNamingTheUrl()
    {
        var dir = TestPaths.NewTempDir();
        var curation = new S3Curation(new S3Settings { Endpoint = S3Fixture.RequireEndpoint(), CacheDir = Path.Combine(dir, "cache") });
        var error = Should.Throw<MoaException>(() => curation.Run(new CurationRequest { Inputs = ["s3://Bad_Bucket/in"], OutputDir = Path.Combine(dir, "out") }));
        error.Message.ShouldStartWith("s3://Bad_Bucket/in: ");
        error.Message.ShouldContain("not a valid bucket name");
        error.Message.ShouldNotContain("\n");
        Should.Throw<MoaException>(() => S3Url.Parse("s3://bucket/a//b")).Message.ShouldStartWith("s3://bucket/a//b: ");
    }

    [Fact]
    public void Run_MissingBucket_OneLineNamingTheUrl()
    {
        var dir = TestPaths.NewTempDir();
        var curation = new S3Curation(new S3Settings { Endpoint = S3Fixture.RequireEndpoint(), CacheDir = Path.Combine(dir, "cache"), MaxRetries = 0 });
        var input = Path.Combine(dir, "a.jsonl");
        CurationFixture.WriteJsonl(input, CurationFixture.Threads(3).Select((t, i) => ($"d{i}", t)));
        var error = Should.Throw<MoaException>(() => curation.Run(new CurationRequest { Inputs = [input], OutputDir = "s3://no-such-bucket-moa/out" }));
        error.Message.ShouldBe("s3://no-such-bucket-moa/out: the bucket 'no-such-bucket-moa' does not exist.");
        Directory.Exists(Path.Combine(dir, "cache", "out")).ShouldBeFalse();
    }

    [Fact]
    public void Run_BadCredentials_OneLineNamingTheUrl()
    {
        using var s3 = new S3Fixture();
        var dir = TestPaths.NewTempDir();
        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "NOT-A-KEY");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "not-a-secret");
            var curation = new S3Curation(new S3Settings { Endpoint = s3.Endpoint, CacheDir = Path.Combine(dir, "cache"), MaxRetries = 0 });
            var error = Should.Throw<MoaException>(() => curation.Run(new CurationRequest { Inputs = [$"s3://{s3.Bucket}/in"], OutputDir = Path.Combine(dir, "out") }));
            error.Message.ShouldStartWith($"s3://{s3.Bucket}/in: the S3 credentials were refused (");
            error.Message.ShouldNotContain("\n");
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
        }
    }

    /// <summary>Two real-review inputs and a config with several small output parts.</summary>
    private static (string Folder, CurationConfig Config) WriteInputs(string dir)
    {
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        var threads = CurationFixture.Threads(120);
        CurationFixture.WriteJsonl(Path.Combine(input, "a.jsonl"), threads.Take(70).Select((t, i) => ($"a{i}", t)));
        CurationFixture.WriteJsonl(Path.Combine(input, "b.jsonl"), threads.Skip(60).Select((t, i) => ($"b{i}", t)));
        var config = new CurationConfig();
        config.Output.PartBytes = 48 * 1024;
        return (input, config);
    }

    /// <summary>data/, removed/ and the manifest's file list are identical; a published run holds its manifest.</summary>
    private static void AssertSameRun(string local, string published)
    {
        File.Exists(Path.Combine(published, "manifest.json")).ShouldBeTrue();
        CurationFixture.DataBytes(published).ShouldBe(CurationFixture.DataBytes(local));
        foreach (var file in Directory.GetFiles(Path.Combine(local, "removed")))
        {
            File.ReadAllBytes(Path.Combine(published, "removed", Path.GetFileName(file))).ShouldBe(File.ReadAllBytes(file));
        }

        static string Files(string run)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
            return doc.RootElement.GetProperty("files").GetRawText();
        }

        Files(published).ShouldBe(Files(local));
    }

    /// <summary>A fresh bucket on the test server, deleted with its objects afterwards.</summary>
    private sealed class S3Fixture : IDisposable
    {
        private readonly AmazonS3Client _client;

        public S3Fixture()
        {
            Endpoint = RequireEndpoint();
            Bucket = "moa-test-" + Guid.NewGuid().ToString("N")[..12];
            _client = new AmazonS3Client(
                new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "S3RVER", Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "S3RVER"),
                new AmazonS3Config
                {
                    ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
                    RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                    ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                });
            _client.PutBucketAsync(Bucket).GetAwaiter().GetResult();
        }

        public string Endpoint { get; }

        public string Bucket { get; }

        public static string RequireEndpoint()
        {
            var endpoint = Environment.GetEnvironmentVariable("MOA_S3_ENDPOINT");
            if (Environment.GetEnvironmentVariable("MOA_TEST_S3") != "1" || string.IsNullOrEmpty(endpoint))
            {
                throw new InvalidOperationException("The S3 test server is not up: run eval \"$(scripts/start-s3.sh)\" first (test.sh does), which exports MOA_TEST_S3=1 and MOA_S3_ENDPOINT.");
            }

            return endpoint;
        }

        public S3Settings Settings(string cache) => new() { Endpoint = Endpoint, CacheDir = cache, PartSize = 16L * 1024 };

        public void PutFolder(string folder, string prefix)
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                _client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"{prefix}/{Path.GetFileName(file)}", FilePath = file, UseChunkEncoding = false })
                    .GetAwaiter().GetResult();
            }
        }

        public List<string> Keys(string prefix)
        {
            var response = _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix }).GetAwaiter().GetResult();
            return [.. (response.S3Objects ?? []).Select(o => o.Key)];
        }

        /// <summary>
        /// Follows the published manifest as a reader does: the manifest at the prefix, then every object under
        /// prefix/runs/(first 16 hex digits of the manifest's sha256)/, into a folder laid out like a local run.
        /// </summary>
        public string Download(string prefix, string folder)
        {
            Directory.CreateDirectory(folder);
            using (var response = _client.GetObjectAsync(Bucket, $"{prefix}/manifest.json").GetAwaiter().GetResult())
            using (var file = File.Create(Path.Combine(folder, "manifest.json")))
            {
                response.ResponseStream.CopyTo(file);
            }

            var run = $"{prefix}/runs/{RunId(File.ReadAllBytes(Path.Combine(folder, "manifest.json")))}/";
            foreach (var key in Keys(run))
            {
                var path = Path.Combine([folder, .. key[run.Length..].Split('/')]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var response = _client.GetObjectAsync(Bucket, key).GetAwaiter().GetResult();
                using var file = File.Create(path);
                response.ResponseStream.CopyTo(file);
            }

            return folder;
        }

        public static string RunId(byte[] manifest) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(manifest))[..16];

        public void Dispose()
        {
            foreach (var key in Keys(string.Empty))
            {
                _client.DeleteObjectAsync(Bucket, key).GetAwaiter().GetResult();
            }

            _client.DeleteBucketAsync(Bucket).GetAwaiter().GetResult();
            _client.Dispose();
        }
    }
}
