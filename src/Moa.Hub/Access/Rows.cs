namespace Moa.Hub.Access;

/// <summary>A signed, expiring download link.</summary>
public sealed record DownloadLink(string Url, DateTimeOffset ExpiresAt, long AgreementId, string Sha256);

/// <summary>A checked download: the file to stream (or, for a dataset in object storage, the pre-signed URL to send the client to) and its recorded hash.</summary>
public sealed record ApprovedDownload(string FullPath, string FileName, long Bytes, string Sha256, Uri? PresignedUrl = null);
