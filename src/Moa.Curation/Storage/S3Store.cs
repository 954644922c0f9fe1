using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Moa.Curation.Storage;

/// <summary>
/// The object-storage operations of a curation over <c>s3://</c>: list and stage input objects into a local cache
/// (streamed), upload files (multipart above <see cref="S3Settings.PartSize"/>, each part retried by the SDK with
/// backoff), delete. Every failure is a <see cref="MoaException"/> of one line naming the URL.
/// </summary>
public sealed class S3Store : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3Settings _settings;
    private readonly ByteBudget? _budget;

    public S3Store(S3Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _budget = settings.FailAfterBytes is { } n ? new ByteBudget(n) : null;
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = settings.MaxRetries,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (settings.Endpoint is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new MoaException($"the S3 endpoint '{endpoint}' (storage.s3.endpoint or MOA_S3_ENDPOINT) is not an http(s) URL.");
            }

            config.ServiceURL = endpoint;
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }

        var key = settings.AccessKeyId ?? Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = settings.AccessKeyId is null ? Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") : settings.SecretAccessKey;
        _client = !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret)
            ? new AmazonS3Client(new BasicAWSCredentials(key, secret), config)
            : new AmazonS3Client(config);
    }

    /// <summary>Checks that the bucket exists and the credentials are accepted, before any work.</summary>
    public void CheckAccess(S3Url url) =>
        Call(url, () => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = url.Bucket, Prefix = url.Prefix }));

    /// <summary>
    /// Copies the objects under <paramref name="url"/> (one object, or every object below the prefix) into
    /// <paramref name="localRoot"/>/bucket/key, streamed; objects already there with the same ETag are not fetched again.
    /// Returns the local file or folder to read and the staged objects' keys and ETags, in key order.
    /// </summary>
    public (string LocalPath, IReadOnlyList<string> Objects) Stage(S3Url url, string localRoot)
    {
        var objects = List(url, url.Prefix);
        var single = objects.Count > 0 && objects[0].Key == url.Prefix && url.Prefix.Length > 0;
        if (!single)
        {
            objects = url.Prefix.Length == 0 ? objects : List(url, url.Prefix + "/");
        }
        else
        {
            objects = [objects[0]];
        }

        objects = [.. objects.Where(o => !o.Key.EndsWith('/'))];
        if (objects.Count == 0)
        {
            throw new MoaException($"{url}: no objects under this prefix.");
        }

        var data = Path.Combine(localRoot, "objects", url.Bucket);
        var tags = Path.Combine(localRoot, "etags", url.Bucket);
        var staged = new List<string>();
        foreach (var o in objects)
        {
            var relative = o.Key.Split('/');
            if (relative.Any(s => s is "" or "." or ".."))
            {
                throw new MoaException($"s3://{url.Bucket}/{o.Key}: the key has an empty, '.' or '..' segment and cannot be staged.");
            }

            var local = Path.Combine([data, .. relative]);
            var tag = Path.Combine([tags, .. relative]);
            var etag = o.ETag ?? string.Empty;
            staged.Add($"{o.Key}\t{etag}");
            if (File.Exists(local) && File.Exists(tag) && new FileInfo(local).Length == (o.Size ?? -1) && File.ReadAllText(tag) == etag)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            Directory.CreateDirectory(Path.GetDirectoryName(tag)!);
            var part = Path.Combine(Path.GetDirectoryName(local)!, $".{Path.GetFileName(local)}.download"); // dot names are never read as inputs
            var objectUrl = new S3Url(url.Bucket, o.Key);
            Call(objectUrl, async () =>
            {
                using var response = await _client.GetObjectAsync(url.Bucket, o.Key).ConfigureAwait(false);
                await using (var file = File.Create(part))
                {
                    await response.ResponseStream.CopyToAsync(file).ConfigureAwait(false);
                }

                return response.ContentLength;
            });
            File.Move(part, local, overwrite: true);
            File.WriteAllText(tag, etag);
        }

        var root = single ? Path.Combine([data, .. url.Prefix.Split('/')]) : url.Prefix.Length == 0 ? data : Path.Combine([data, .. url.Prefix.Split('/')]);
        return (root, staged);
    }

    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public byte[]? ReadOrNull(S3Url url, string key) => Call(url, async () =>
    {
        try
        {
            using var response = await _client.GetObjectAsync(url.Bucket, key).ConfigureAwait(false);
            using var memory = new MemoryStream();
            await response.ResponseStream.CopyToAsync(memory).ConfigureAwait(false);
            return memory.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    });

    /// <summary>Downloads one object into a local file.</summary>
    public void Download(S3Url url, string key, string path) => Call(new S3Url(url.Bucket, key), async () =>
    {
        using var response = await _client.GetObjectAsync(url.Bucket, key).ConfigureAwait(false);
        await using var file = File.Create(path);
        await response.ResponseStream.CopyToAsync(file).ConfigureAwait(false);
        return file.Length;
    });

    /// <summary>The sha256 recorded in the object's metadata at upload, or null when the object does not exist.</summary>
    public string? Sha256Of(S3Url url, string key) => Call(url, async () =>
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(url.Bucket, key).ConfigureAwait(false);
            return head.Metadata["sha256"];
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    });

    /// <summary>Uploads a local file with its sha256 in the metadata: one PUT, or a multipart upload for large files.</summary>
    public void Upload(S3Url url, string key, string path, string sha256)
    {
        var size = new FileInfo(path).Length;
        var partSize = Math.Max(1, _settings.PartSize);
        Call(new S3Url(url.Bucket, key), async () =>
        {
            if (size <= partSize)
            {
                await using var stream = new FileRange(path, 0, size, _budget);
                var put = new PutObjectRequest { BucketName = url.Bucket, Key = key, InputStream = stream, AutoCloseStream = false, UseChunkEncoding = false };
                put.Metadata.Add("sha256", sha256);
                await _client.PutObjectAsync(put).ConfigureAwait(false);
                return size;
            }

            var init = new InitiateMultipartUploadRequest { BucketName = url.Bucket, Key = key };
            init.Metadata.Add("sha256", sha256);
            var upload = await _client.InitiateMultipartUploadAsync(init).ConfigureAwait(false);
            try
            {
                var etags = new List<PartETag>();
                for (long offset = 0, number = 1; offset < size; offset += partSize, number++)
                {
                    var length = Math.Min(partSize, size - offset);
                    await using var stream = new FileRange(path, offset, length, _budget);
                    var part = await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = url.Bucket,
                        Key = key,
                        UploadId = upload.UploadId,
                        PartNumber = (int)number,
                        PartSize = length,
                        InputStream = stream,
                        UseChunkEncoding = false,
                    }).ConfigureAwait(false);
                    etags.Add(new PartETag((int)number, part.ETag));
                }

                await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = url.Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartETags = etags,
                }).ConfigureAwait(false);
            }
            catch
            {
                await AbortQuietly(url.Bucket, key, upload.UploadId).ConfigureAwait(false);
                throw;
            }

            return size;
        });
    }

    /// <summary>Writes small bytes (the manifest) in one PUT, which S3 makes visible atomically.</summary>
    public void Write(S3Url url, string key, byte[] bytes) => Call(new S3Url(url.Bucket, key), async () =>
    {
        using var stream = new MemoryStream(bytes, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = url.Bucket, Key = key, InputStream = stream, UseChunkEncoding = false }).ConfigureAwait(false);
        return bytes.LongLength;
    });

    /// <summary>
    /// A pre-signed GET URL of one object, valid for <paramref name="validity"/>: whoever holds it downloads the object
    /// straight from the store without credentials (signature version 4, computed locally; no request is made).
    /// </summary>
    public Uri PresignGet(S3Url url, string key, TimeSpan validity, string? downloadName = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = url.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(validity),
            Protocol = _settings.Endpoint is { } endpoint && endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (downloadName is not null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
        }

        return new Uri(Call(new S3Url(url.Bucket, key), () => Task.FromResult(_client.GetPreSignedURL(request))));
    }

    /// <summary>The keys below <paramref name="prefix"/> (a full key prefix, not relative to <paramref name="url"/>), in ordinal order.</summary>
    public IReadOnlyList<string> Keys(S3Url url, string prefix) => [.. List(url, prefix).Select(o => o.Key)];

    /// <summary>The "folders" directly below <paramref name="prefix"/> (a full key prefix ending in '/'): common prefixes of a delimited listing.</summary>
    public IReadOnlyList<string> Folders(S3Url url, string prefix) => Call(url, async () =>
    {
        var all = new List<string>();
        var request = new ListObjectsV2Request { BucketName = url.Bucket, Prefix = prefix, Delimiter = "/" };
        await foreach (var folder in _client.Paginators.ListObjectsV2(request).CommonPrefixes.ConfigureAwait(false))
        {
            all.Add(folder);
        }

        all.Sort(StringComparer.Ordinal);
        return all;
    });

    /// <summary>Deletes one object (no error when it is missing).</summary>
    public void Delete(S3Url url, string key) => Call(url, () => _client.DeleteObjectAsync(url.Bucket, key));

    public void Dispose() => _client.Dispose();

    private List<S3Object> List(S3Url url, string prefix) => Call(url, async () =>
    {
        var all = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = url.Bucket, Prefix = prefix };
        await foreach (var o in _client.Paginators.ListObjectsV2(request).S3Objects.ConfigureAwait(false))
        {
            all.Add(o);
        }

        all.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return all;
    });

    private async Task AbortQuietly(string bucket, string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(bucket, key, uploadId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or IOException or HttpRequestException)
        {
            // The bucket's lifecycle rule for incomplete uploads cleans up what an abort cannot.
        }
    }

    private T Call<T>(S3Url url, Func<Task<T>> operation)
    {
        try
        {
            return Task.Run(operation).GetAwaiter().GetResult();
        }
        catch (AmazonS3Exception ex)
        {
            throw new MoaException($"{url}: {Describe(url, ex)}", ex);
        }
        catch (AmazonServiceException ex)
        {
            throw new MoaException($"{url}: S3 request failed: {ex.Message}", ex);
        }
        catch (AmazonClientException ex)
        {
            throw new MoaException($"{url}: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MoaException($"{url}: cannot reach the S3 endpoint {_settings.Endpoint ?? "(AWS)"}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new MoaException($"{url}: transfer failed: {ex.Message}", ex);
        }
    }

    private static string Describe(S3Url url, AmazonS3Exception ex) => ex.ErrorCode switch
    {
        "NoSuchBucket" => $"the bucket '{url.Bucket}' does not exist.",
        "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "InvalidToken" or "ExpiredToken" =>
            $"the S3 credentials were refused ({ex.ErrorCode}); check storage.s3.access_key_id and its secret, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
        _ when ex.StatusCode == HttpStatusCode.NotFound => $"not found ({ex.ErrorCode}).",
        _ => $"S3 error {ex.ErrorCode} (HTTP {(int)ex.StatusCode}): {ex.Message}",
    };

    /// <summary>Bytes the test hook lets through before it fails the upload.</summary>
    private sealed class ByteBudget(long bytes)
    {
        private long _left = bytes;

        public void Take(int count)
        {
            if (Interlocked.Add(ref _left, -count) < 0)
            {
                throw new IOException("upload aborted by the test hook (MOA S3 FailAfterBytes).");
            }
        }
    }

    /// <summary>A seekable read-only window of a file (one upload part), read straight from disk.</summary>
    private sealed class FileRange : Stream
    {
        private readonly FileStream _file;
        private readonly long _start;
        private readonly long _length;
        private readonly ByteBudget? _budget;

        public FileRange(string path, long start, long length, ByteBudget? budget)
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            _start = start;
            _length = length;
            _budget = budget;
            _file.Position = start;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _file.Position - _start;
            set => _file.Position = _start + Math.Clamp(value, 0, _length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = _file.Read(buffer[..(int)Math.Min(buffer.Length, _length - Position)]);
            _budget?.Take(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await _file.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _length - Position)], cancellationToken).ConfigureAwait(false);
            _budget?.Take(n);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => Position + offset,
                _ => _length + offset,
            };
            return Position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
