using System.Net;
using System.Net.Http.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Dapper;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;
using Moa.Curation.Storage;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// A corpus published by moa curate to the real S3-compatible server of scripts/start-s3.sh (npm s3rver; test.sh exports
/// MOA_TEST_S3=1 and MOA_S3_ENDPOINT) is registered by URL and served through pre-signed URLs, only under an active
/// agreement, every download recorded and audited. Fails, never skips, when the server is not up.
/// </summary>
public abstract partial class HubIntegrationTests
{
    [Fact]
    public async Task S3Dataset_ServedThroughPresignedUrl_OnlyUnderAnActiveAgreement_Audited()
    {
        var endpoint = Environment.GetEnvironmentVariable("MOA_S3_ENDPOINT");
        if (Environment.GetEnvironmentVariable("MOA_TEST_S3") != "1" || string.IsNullOrEmpty(endpoint))
        {
            throw new InvalidOperationException("The S3 test server is not up: run eval \"$(scripts/start-s3.sh)\" first (test.sh does), which exports MOA_TEST_S3=1 and MOA_S3_ENDPOINT.");
        }

        var bucket = "moa-hub-" + Guid.NewGuid().ToString("N")[..12];
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "S3RVER", Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "S3RVER"),
            new AmazonS3Config
            {
                ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
        await client.PutBucketAsync(bucket);

        // A real curation of the NSMC sample, published to s3://bucket/corpus.
        var dir = TestPaths.NewTempDir("hub-s3");
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "reviews.jsonl"), File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(400));
        var config = new CurationConfig();
        config.Output.PartBytes = 16 * 1024;
        var url = $"s3://{bucket}/corpus";
        new S3Curation(new S3Settings { Endpoint = endpoint, CacheDir = Path.Combine(dir, "cache") })
            .Run(new CurationRequest { Inputs = [input], OutputDir = url, Config = config, Workers = 1 });

        var slug = Unique("s3-corpus-");
        using var op = f.Client("operator");
        var registered = await op.PostAsJsonAsync("/api/datasets", new { folder = url, slug, name = "NSMC in S3", licence = "CC-BY-4.0", providerOrganisationId = f.ProviderOrg.Id });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var missing = await op.PostAsJsonAsync("/api/datasets", new { folder = $"s3://{bucket}/nothing", slug = Unique("s3-none-"), name = "x", licence = "CC0-1.0" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(missing)).ShouldContain($"s3://{bucket}/nothing: no published manifest.json");

        var path = "data/part-00000.jsonl.gz";
        using var team = f.Client("team");
        Task<HttpResponseMessage> Get() => team.GetAsync($"/api/datasets/{slug}/versions/1/files/{path}?purpose=pretraining");
        var refused = await Get();
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(refused)).ShouldContain("no agreement");

        var created = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("S3 협약 "),
            providerOrganisationId = f.ProviderOrg.Id,
            teamOrganisationId = f.TeamOrg.Id,
            datasetSlugs = new[] { slug },
            purposes = new[] { "pretraining" },
            commercial = false,
            startsAt = f.Time.Now.AddDays(-1),
            endsAt = f.Time.Now.AddDays(365),
            processingSupportKrw = 10_000_000,
            copyrightCompensationKrw = 5_000_000,
            responsibilities = "provider guarantees rights; team deletes data at the end",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var agreement = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        (await HubFixture.Detail(await Get())).ShouldContain("still needs signatures");
        await SignAll(agreement);

        // Under the active agreement: a redirect to a pre-signed URL of the object, which works without credentials.
        var ok = await Get();
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        var presigned = ok.Headers.Location!;
        presigned.GetLeftPart(UriPartial.Authority).ShouldBe(new Uri(endpoint).GetLeftPart(UriPartial.Authority));
        presigned.AbsolutePath.ShouldStartWith($"/{bucket}/corpus/runs/");
        presigned.Query.ShouldContain("X-Amz-Signature=");
        var expires = int.Parse(System.Web.HttpUtility.ParseQueryString(presigned.Query)["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        expires.ShouldBeInRange(290, 305); // HubOptions.PresignedUrlLifetime: 5 minutes (the SDK rounds up)
        using (var anyone = new HttpClient())
        {
            var bytes = await anyone.GetByteArrayAsync(presigned);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(ok.Headers.GetValues("X-Content-SHA256").Single());
        }

        await using (var conn = await f.Db.OpenAsync())
        {
            (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM downloads WHERE agreement_id = @agreement", new { agreement })).ShouldBe(1);
            var audit = (await conn.QueryAsync<string>("SELECT detail FROM audit_log WHERE action = 'dataset.downloaded' AND subject = @subject", new { subject = $"dataset:{slug}" })).Single();
            audit.ShouldContain("\"storage\":\"s3\"");
            audit.ShouldContain(path);
        }

        // An object replaced in the bucket after registration is not served, and the refusal is audited.
        var key = presigned.AbsolutePath[(bucket.Length + 2)..];
        var original = await client.GetObjectMetadataAsync(bucket, key);
        var put = new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "replaced", UseChunkEncoding = false };
        put.Metadata.Add("sha256", new string('0', 64));
        await client.PutObjectAsync(put);
        var conflict = await Get();
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(conflict)).ShouldContain("replaced in object storage");
        await client.DeleteObjectAsync(bucket, key);
        (await Get()).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        original.ContentLength.ShouldBeGreaterThan(0);

        // Revoked: refused at once, with the reason.
        (await op.PostAsJsonAsync($"/api/agreements/{agreement}/revoke", new { reason = "S3 협약 해지" })).EnsureSuccessStatusCode();
        var revoked = await Get();
        revoked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(revoked)).ShouldContain("agreement revoked");
        await using (var conn = await f.Db.OpenAsync())
        {
            (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'download.integrity_failed' AND subject = @subject", new { subject = $"dataset:{slug}" })).ShouldBe(1);
            (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'download.refused' AND subject = @subject", new { subject = $"dataset:{slug}" })).ShouldBeGreaterThanOrEqualTo(3);
        }

        var keys = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        foreach (var o in keys.S3Objects ?? [])
        {
            await client.DeleteObjectAsync(bucket, o.Key);
        }

        await client.DeleteBucketAsync(bucket);
    }
}
