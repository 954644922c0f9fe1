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

    /// <summary>Mark cookies Secure (set when served over HTTPS).</summary>
    public bool SecureCookies { get; set; }
}
