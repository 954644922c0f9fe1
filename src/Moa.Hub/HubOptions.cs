namespace Moa.Hub;

/// <summary>Settings of a hub instance: where uploads live, the key that signs download links, limits.</summary>
public sealed class HubOptions
{
    /// <summary>Folder for uploaded application documents and the link-signing key.</summary>
    public string DataDirectory { get; set; } = Path.GetFullPath("data");

    /// <summary>HMAC key for download links; read from or created in <see cref="DataDirectory"/> when null.</summary>
    public byte[]? LinkSigningKey { get; set; }

    /// <summary>How long a signed download link stays valid.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest accepted application document, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a ZIP-based document (HWPX, DOCX), in bytes.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest compression ratio of any ZIP entry before the file counts as a zip bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Failed sign-ins allowed per account or address within <see cref="LoginWindow"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>Failed sign-ins allowed per remote address within <see cref="LoginWindow"/> (higher: many people may share an address).</summary>
    public int MaxFailedLoginsPerAddress { get; set; } = 20;

    /// <summary>The sliding window of failed-login counting.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Mark cookies Secure always (set when served over HTTPS, directly or behind a TLS-terminating proxy).</summary>
    public bool SecureCookies { get; set; }

    /// <summary>Served over HTTPS (<c>--https</c>): cookies are Secure and every response carries Strict-Transport-Security.</summary>
    public bool Https { get; set; }

    /// <summary>Trust <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> from these proxy addresses (empty: trust none).</summary>
    public IList<System.Net.IPAddress> TrustedProxies { get; } = [];

    /// <summary>How long a sign-in session lasts at most (the cookie also expires after 8 idle hours).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Object storage holding datasets registered from <c>s3://</c> URLs; null: the environment (<c>MOA_S3_ENDPOINT</c>, <c>AWS_*</c>).</summary>
    public Moa.Curation.Storage.S3Settings? ObjectStorage { get; set; }

    /// <summary>
    /// How long the pre-signed URL of a file stored in S3 stays valid once a download link was redeemed (the agreement is
    /// checked at redemption; a pre-signed URL cannot be revoked, so it is short).
    /// </summary>
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The object storage settings in force.</summary>
    internal Moa.Curation.Storage.S3Settings S3 => ObjectStorage ?? Moa.Curation.Storage.S3Settings.FromEnvironment();

    /// <summary>Largest JSON request body of the API, in bytes (document uploads have their own limit).</summary>
    public long MaxJsonBodyBytes { get; set; } = 256 * 1024;
}
