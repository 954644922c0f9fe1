namespace Moa.Curation.Storage;

/// <summary>
/// How moa reaches object storage: the <c>storage.s3</c> section of <c>pipeline.yaml</c> (<see cref="From"/>), and for
/// every key it leaves empty the environment: <c>MOA_S3_ENDPOINT</c> (an S3-compatible endpoint such as
/// MinIO or Ceph; unset means AWS itself), <c>AWS_REGION</c>, <c>MOA_S3_CACHE</c> (local staging folder) and the
/// standard AWS credentials (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, or the SDK's default chain).
/// </summary>
public sealed class S3Settings
{
    /// <summary>The smallest part S3 accepts in a multipart upload (except the last).</summary>
    public const long MinPartSize = 5L << 20;

    /// <summary>Endpoint URL of an S3-compatible server; null for AWS.</summary>
    public string? Endpoint { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Local folder that stages input objects and output parts (streamed, reused by a resumed run).</summary>
    public string CacheDir { get; init; } = Path.Combine(Path.GetTempPath(), "moa-s3-cache");

    /// <summary>Files larger than this go up by multipart upload, in parts of this size.</summary>
    public long PartSize { get; init; } = 64L << 20;

    /// <summary>Retries of one request (the SDK's standard mode: exponential backoff with jitter).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Access key id; null uses the environment's or the SDK's default chain.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Secret access key, with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Test hook: the upload fails with an I/O error once this many bytes were read from local files.</summary>
    internal long? FailAfterBytes { get; init; }

    /// <summary>
    /// The settings of the pipeline config's <c>storage.s3</c> section; every key left empty falls back to the
    /// environment (<see cref="FromEnvironment"/>). A secret file that cannot be read is an error naming it.
    /// </summary>
    public static S3Settings From(Configuration.S3Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var env = FromEnvironment();
        var secret = options.SecretAccessKey;
        if (options.SecretAccessKeyFile.Length > 0)
        {
            try
            {
                secret = File.ReadLines(options.SecretAccessKeyFile).FirstOrDefault()?.Trim() ?? string.Empty;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MoaException($"{options.SecretAccessKeyFile}: cannot read storage.s3.secret_access_key_file ({ex.Message}).", ex);
            }

            if (secret.Length == 0)
            {
                throw new MoaException($"{options.SecretAccessKeyFile}: storage.s3.secret_access_key_file is empty.");
            }
        }

        return new S3Settings
        {
            Endpoint = options.Endpoint.Length > 0 ? options.Endpoint : env.Endpoint,
            Region = options.Region.Length > 0 ? options.Region : env.Region,
            CacheDir = options.CacheDir.Length > 0 ? options.CacheDir : env.CacheDir,
            PartSize = (long)options.PartSizeMb << 20,
            AccessKeyId = options.AccessKeyId.Length > 0 ? options.AccessKeyId : null,
            SecretAccessKey = options.AccessKeyId.Length > 0 ? secret : null,
        };
    }

    /// <summary>The settings the environment gives.</summary>
    public static S3Settings FromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable("MOA_S3_ENDPOINT");
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        var cache = Environment.GetEnvironmentVariable("MOA_S3_CACHE");
        var defaults = new S3Settings();
        return new S3Settings
        {
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.Trim(),
            Region = string.IsNullOrWhiteSpace(region) ? defaults.Region : region.Trim(),
            CacheDir = string.IsNullOrWhiteSpace(cache) ? defaults.CacheDir : cache,
        };
    }
}
