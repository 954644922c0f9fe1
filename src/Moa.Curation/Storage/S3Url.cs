using System.Text.RegularExpressions;

namespace Moa.Curation.Storage;

/// <summary>An <c>s3://bucket/prefix</c> location: a bucket and a key prefix without leading or trailing slashes.</summary>
public sealed partial record S3Url(string Bucket, string Prefix)
{
    /// <summary>True when <paramref name="location"/> names object storage rather than a local path.</summary>
    public static bool IsS3(string location) =>
        location is not null && location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; anything else is a user error naming the URL.</summary>
    public static S3Url Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsS3(url))
        {
            throw new MoaException($"{url}: not an S3 URL (expected s3://bucket/prefix).");
        }

        var rest = url[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (!BucketName().IsMatch(bucket))
        {
            throw new MoaException($"{url}: '{bucket}' is not a valid bucket name (3-63 lowercase letters, digits, dots and hyphens); expected s3://bucket/prefix.");
        }

        if (prefix.Length > 0 && prefix.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new MoaException($"{url}: the key prefix '{prefix}' has an empty, '.' or '..' segment; expected s3://bucket/prefix.");
        }

        return new S3Url(bucket, prefix);
    }

    /// <summary>The key of <paramref name="relative"/> (forward slashes) under this prefix.</summary>
    public string Key(string relative) => Prefix.Length == 0 ? relative : $"{Prefix}/{relative}";

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
