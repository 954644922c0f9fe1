using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Moa.Curation.Storage;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Storage;

namespace Moa.Hub.Access;

/// <summary>
/// Governed downloads: only team members under an active agreement that covers the dataset and the stated purpose get a
/// link; links are HMAC-signed and expire; redeeming re-checks the agreement (so revocation and expiry act at once)
/// and records the download in the downloads table and the audit log.
/// </summary>
public sealed class DownloadService(HubDatabase db, TimeProvider time, HubOptions options, CatalogueService catalogue)
{
    private readonly byte[] _key = options.LinkSigningKey ?? LoadOrCreateKey(options.DataDirectory);

    /// <summary>Finds the agreement that allows <paramref name="user"/> to use <paramref name="slug"/> for <paramref name="purpose"/>, or throws 401/403 saying why.</summary>
    public async Task<Agreement> AuthoriseAsync(HubUser? user, string slug, string purpose)
    {
        if (user is null)
        {
            throw new HubException(HubErrorKind.Unauthenticated, "not signed in: downloads need a team member's sign-in or API token with the 'download' scope.");
        }

        Purposes.Validate(purpose);
        if (user.Role != HubRoles.Team || user.OrganisationId is null)
        {
            throw HubException.Forbidden($"only members of a model team download data; you are signed in as {user.Role}.");
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var datasetId = await conn.ExecuteScalarAsync<long?>("SELECT id FROM datasets WHERE slug = @slug", new { slug }).ConfigureAwait(false)
            ?? throw HubException.NotFound($"dataset '{slug}' does not exist.");

        // A pseudonymised table is served only under an approved adequacy review (issue 15), as well as an agreement.
        await Deid.DeidReviewService.RequireApprovedAsync(conn, datasetId, slug).ConfigureAwait(false);
        await Synth.SynthReleaseService.RequirePublishableAsync(conn, datasetId, slug).ConfigureAwait(false);
        var agreements = await AgreementService.ForTeamAndDatasetAsync(conn, user.OrganisationId.Value, datasetId).ConfigureAwait(false);
        if (agreements.Count == 0)
        {
            throw HubException.Forbidden($"no agreement: your team has no agreement covering dataset '{slug}'. Ask the agency for one.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        bool IsActive(Agreement a) => a.EffectiveState(now) == AgreementStates.Active && now >= a.StartsAt;
        var granted = agreements.FirstOrDefault(a => IsActive(a) && a.PurposeList.Contains(purpose));
        if (granted is not null)
        {
            return granted;
        }

        // Say why with the agreement that matters: the newest one covering this purpose, else the newest one at all.
        var covering = agreements.Where(a => a.PurposeList.Contains(purpose)).OrderByDescending(a => a.Id).FirstOrDefault();
        var active = agreements.Where(IsActive).OrderByDescending(a => a.Id).FirstOrDefault();
        if (covering is null && active is not null)
        {
            throw HubException.Forbidden($"purpose not covered: your active agreement {active.Id} for '{slug}' allows {string.Join(", ", active.PurposeList)}, not {purpose}.");
        }

        var a = covering ?? agreements.OrderByDescending(x => x.Id).First();
        throw HubException.Forbidden(a.EffectiveState(now) switch
        {
            AgreementStates.Revoked => $"agreement revoked: agreement {a.Id} covering '{slug}' was revoked ({a.StateReason}).",
            AgreementStates.Expired => $"agreement expired: agreement {a.Id} covering '{slug}' ended on {DateTimeOffset.FromUnixTimeMilliseconds(a.EndsAt):yyyy-MM-dd HH:mm} UTC.",
            AgreementStates.Draft => $"agreement not active: agreement {a.Id} covering '{slug}' still needs signatures from {string.Join(", ", Parties.All.Where(p => a.Signatures.All(s => s.Party != p)))}.",
            AgreementStates.Active when now < a.StartsAt => $"agreement not active: agreement {a.Id} covering '{slug}' starts on {DateTimeOffset.FromUnixTimeMilliseconds(a.StartsAt):yyyy-MM-dd} UTC.",
            _ => $"purpose not covered: agreement {a.Id} for '{slug}' allows {string.Join(", ", a.PurposeList)}, not {purpose}.",
        });
    }

    /// <summary>Issues a signed link for one file of a dataset version after checking the agreement; a refusal is audited with its reason.</summary>
    /// <remarks>A link works only for the user it was issued to (signed in) unless issued as <paramref name="shareable"/>.</remarks>
    public async Task<DownloadLink> CreateLinkAsync(HubUser? user, string slug, int version, string path, string purpose, string baseUrl, string remoteAddress = "unknown", bool shareable = false)
    {
        try
        {
            return await CreateLinkCheckedAsync(user, slug, version, path, purpose, baseUrl, shareable).ConfigureAwait(false);
        }
        catch (HubException ex)
        {
            await AuditRefusalAsync(user?.AuditName ?? "anonymous", $"dataset:{slug}", ex, new { version, file = path, purpose, from = remoteAddress }).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<DownloadLink> CreateLinkCheckedAsync(HubUser? user, string slug, int version, string path, string purpose, string baseUrl, bool shareable)
    {
        var agreement = await AuthoriseAsync(user, slug, purpose).ConfigureAwait(false);
        var found = await catalogue.FindFileAsync(slug, version, path).ConfigureAwait(false)
            ?? throw HubException.NotFound($"dataset '{slug}' version {version} has no file '{path}'.");
        var expires = time.GetUtcNow() + options.DownloadLinkLifetime;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{user!.Id}.{agreement.Id}.{found.File.Id}.{purpose}.{expires.ToUnixTimeSeconds()}.{(shareable ? "s" : "u")}");
        var token = Base64Url(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url(Sign(payload));
        return new DownloadLink($"{baseUrl.TrimEnd('/')}/dl/{token}", expires, agreement.Id, found.File.Sha256);
    }

    /// <summary>
    /// Redeems a signed link: checks signature and expiry, re-checks the agreement now, checks that the file on disk
    /// still has its registered SHA-256, and records the download. Every refusal is audited with its reason.
    /// </summary>
    public async Task<ApprovedDownload> RedeemAsync(string token, string remoteAddress, HubUser? requester = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            return await RedeemCheckedAsync(token, remoteAddress, requester).ConfigureAwait(false);
        }
        catch (HubException ex)
        {
            await AuditRefusalAsync("link", "download-link", ex, new { link = token.Length > 16 ? token[..16] + "…" : token, from = remoteAddress }).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AuditRefusalAsync(string actor, string subject, HubException ex, object detail)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var json = System.Text.Json.JsonSerializer.SerializeToNode(detail)!.AsObject();
        json["status"] = ex.StatusCode;
        json["reason"] = ex.Message;
        await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, at, actor, "download.refused", subject, json.ToJsonString())).ConfigureAwait(false);
    }

    private async Task<ApprovedDownload> RedeemCheckedAsync(string token, string remoteAddress, HubUser? requester)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        string payload;
        byte[] sig;
        try
        {
            payload = Encoding.UTF8.GetString(FromBase64Url(token[..Math.Max(dot, 0)]));
            sig = FromBase64Url(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            throw HubException.Forbidden("link invalid: this download link is damaged; request a new one from the dataset page.");
        }

        if (dot <= 0 || !CryptographicOperations.FixedTimeEquals(sig, Sign(payload)))
        {
            throw HubException.Forbidden("link invalid: this download link was not issued by this hub or was altered; request a new one.");
        }

        var parts = payload.Split('.');
        if (parts.Length != 6)
        {
            throw HubException.Forbidden("link invalid: this download link is damaged; request a new one.");
        }

        var userId = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var agreementId = long.Parse(parts[1], CultureInfo.InvariantCulture);
        var fileId = long.Parse(parts[2], CultureInfo.InvariantCulture);
        var purpose = parts[3];
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[4], CultureInfo.InvariantCulture));
        if (parts[5] != "s" && requester?.Id != userId)
        {
            throw new HubException(requester is null ? HubErrorKind.Unauthenticated : HubErrorKind.Forbidden,
                "link bound: this download link works only for the team member it was issued to, signed in (or request a shareable link with \"shareable\": true).");
        }

        var now = time.GetUtcNow();
        if (now >= expires)
        {
            throw HubException.Forbidden($"link expired: this download link expired at {expires:yyyy-MM-dd HH:mm:ss} UTC; request a new one.");
        }

        HubUser user;
        string slug, fullPath;
        DatasetFile file;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var userRow = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE id = @userId", new { userId }).ConfigureAwait(false)
                ?? throw HubException.Forbidden("link invalid: the account it was issued to no longer exists.");
            if (userRow.DisabledAt is not null)
            {
                throw HubException.Forbidden("link invalid: the account it was issued to is disabled.");
            }

            user = userRow.ToUser();
            file = await conn.QueryFirstAsync<DatasetFile>("SELECT * FROM dataset_files WHERE id = @fileId", new { fileId }).ConfigureAwait(false);
            var row = await conn.QueryFirstAsync<(string Slug, string StorageDir)>(
                "SELECT d.slug, v.storage_dir FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = @VersionId", new { file.VersionId }).ConfigureAwait(false);
            slug = row.Slug;

            // A link issued before the version was withdrawn no longer works.
            var version = await conn.QueryFirstAsync<DatasetVersion>("SELECT * FROM dataset_versions WHERE id = @VersionId", new { file.VersionId }).ConfigureAwait(false);
            if (version.WithdrawnAt is not null)
            {
                throw HubException.Forbidden(CatalogueService.WithdrawnMessage(slug, version));
            }

            fullPath = (S3Url.IsS3(row.StorageDir) ? (CurateOutput.IsSafeRelative(file.Path) ? row.StorageDir : null) : CurateOutput.ResolveInside(row.StorageDir, file.Path))
                ?? throw HubException.NotFound("the file is no longer available.");
        }

        var agreement = await AuthoriseAsync(user, slug, purpose).ConfigureAwait(false);
        if (S3Url.IsS3(fullPath))
        {
            return await PresignCheckedAsync(user, slug, file, S3Url.Parse(fullPath), agreement, agreementId, purpose, remoteAddress, now).ConfigureAwait(false);
        }

        if (!File.Exists(fullPath))
        {
            throw HubException.NotFound($"'{file.Path}' of '{slug}' is registered but missing on the hub's disk; tell the operator.");
        }

        // The file must still be the one registered: a file changed on disk is refused (and the refusal audited with both hashes).
        string actual;
        await using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream).ConfigureAwait(false));
        }

        if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), user.AuditName, "download.integrity_failed", $"dataset:{slug}",
                new { file = file.Path, registeredSha256 = file.Sha256, actualSha256 = actual, from = remoteAddress })).ConfigureAwait(false);
            throw HubException.Conflict($"integrity check failed: '{file.Path}' of '{slug}' changed on the hub's disk after registration (sha256 {actual[..12]}…, registered {file.Sha256[..12]}…); it is not served. Tell the operator.");
        }

        await RecordDownloadAsync(user, slug, file, agreement, purpose, remoteAddress, now, review =>
            new { file = file.Path, sha256 = file.Sha256, agreement = agreement.Id, adequacyReview = review, purpose, from = remoteAddress, linkAgreement = agreementId }).ConfigureAwait(false);
        return new ApprovedDownload(fullPath, Path.GetFileName(file.Path), file.Bytes, file.Sha256);
    }

    /// <summary>
    /// A file of a dataset in object storage, after the agreement check: the object must still carry the registered
    /// sha256 (recorded at upload); the download is recorded and audited like any other, then the client gets a
    /// pre-signed GET URL valid for <see cref="HubOptions.PresignedUrlLifetime"/>.
    /// </summary>
    private async Task<ApprovedDownload> PresignCheckedAsync(HubUser user, string slug, DatasetFile file, S3Url location, Agreement agreement, long linkAgreement, string purpose, string remoteAddress, DateTimeOffset now)
    {
        var key = location.Key(file.Path);
        string? stored;
        Uri? url = null;
        try
        {
            using var store = new S3Store(options.S3);
            stored = store.Sha256Of(location, key);
            if (stored is not null)
            {
                url = store.PresignGet(location, key, options.PresignedUrlLifetime, Path.GetFileName(file.Path));
            }
        }
        catch (MoaException ex)
        {
            throw HubException.NotFound($"'{file.Path}' of '{slug}' cannot be reached in object storage ({ex.Message}); tell the operator.");
        }

        if (stored is null)
        {
            throw HubException.NotFound($"'{file.Path}' of '{slug}' is registered but missing from object storage (s3://{location.Bucket}/{key}); tell the operator.");
        }

        if (!string.Equals(stored, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), user.AuditName, "download.integrity_failed", $"dataset:{slug}",
                new { file = file.Path, registeredSha256 = file.Sha256, actualSha256 = stored, storage = "s3", from = remoteAddress })).ConfigureAwait(false);
            throw HubException.Conflict($"integrity check failed: '{file.Path}' of '{slug}' was replaced in object storage after registration (sha256 {stored[..Math.Min(12, stored.Length)]}…, registered {file.Sha256[..12]}…); it is not served. Tell the operator.");
        }

        var until = now + options.PresignedUrlLifetime;
        await RecordDownloadAsync(user, slug, file, agreement, purpose, remoteAddress, now, review =>
            new { file = file.Path, sha256 = file.Sha256, agreement = agreement.Id, adequacyReview = review, purpose, from = remoteAddress, linkAgreement, storage = "s3", presignedUntil = until.ToUnixTimeMilliseconds() }).ConfigureAwait(false);
        return new ApprovedDownload(string.Empty, Path.GetFileName(file.Path), file.Bytes, file.Sha256, url);
    }

    /// <summary>
    /// In one transaction: the dataset's latest adequacy review must be approved and its synthetic release gate open;
    /// then the download is recorded and audited as <c>dataset.downloaded</c> with <paramref name="details"/> (given the review's id).
    /// </summary>
    private Task RecordDownloadAsync(HubUser user, string slug, DatasetFile file, Agreement agreement, string purpose, string remoteAddress, DateTimeOffset now, Func<long?, object> details)
    {
        var at = now.ToUnixTimeMilliseconds();
        return db.WriteAsync(async (conn, tx) =>
        {
            var datasetId = await conn.ExecuteScalarAsync<long>("SELECT id FROM datasets WHERE slug = @slug", new { slug }, tx).ConfigureAwait(false);
            var review = await Deid.DeidReviewService.RequireApprovedAsync(conn, datasetId, slug, tx).ConfigureAwait(false);
            await Synth.SynthReleaseService.RequirePublishableAsync(conn, datasetId, slug, tx).ConfigureAwait(false);
            await conn.ExecuteAsync(
                "INSERT INTO downloads (user_id, agreement_id, file_id, sha256, purpose, remote_address, at) VALUES (@userId, @aid, @fileId, @sha, @purpose, @remoteAddress, @at)",
                new { userId = user.Id, aid = agreement.Id, fileId = file.Id, sha = file.Sha256, purpose, remoteAddress, at }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, at, user.AuditName, "dataset.downloaded", $"dataset:{slug}", details(review)).ConfigureAwait(false);
            return 0;
        });
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }

    /// <summary>The hub's secret in <c>link-signing.key</c> (created on first use); the leaderboard derives its battle-token keys from it.</summary>
    internal static byte[] LoadOrCreateKey(string dataDirectory)
    {
        lock (s_keyLock)
        {
            return LoadOrCreateKeyLocked(dataDirectory);
        }
    }

    private static readonly Lock s_keyLock = new();

    private static byte[] LoadOrCreateKeyLocked(string dataDirectory)
    {
        Web.FilePermissions.CreatePrivateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "link-signing.key");
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        using (var stream = Web.FilePermissions.CreatePrivateFile(path, FileMode.CreateNew))
        {
            stream.Write(key);
        }

        return key;
    }
}
