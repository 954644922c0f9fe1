using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Storage;
using Moa.Privacy;

namespace Moa.Hub.Catalogue;

/// <summary>
/// The catalogue: datasets registered from <c>moa curate</c> output folders (each registration of changed content is
/// a new version), their detail pages, Croissant metadata and registered benchmarks. Reads are cached until the next write.
/// </summary>
public sealed class CatalogueService(HubDatabase db, TimeProvider time, HubOptions? options = null)
{
    /// <summary>
    /// Masks personal information in the sample rows of a public dataset page with the curation PII stage's scrubber
    /// (default types, score and person policy; <c>tag</c> operator): a second line of defence after curation.
    /// </summary>
    internal static PiiScrubber SampleScrubber { get; } = PiiScrubber.Create(new PiiStageOptions());

    private readonly ConcurrentDictionary<string, object> _cache = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Changes whenever the catalogue changes (for caches of rendered responses).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Slugs are lower-case ASCII letters, digits and hyphens (stable URLs).</summary>
    public static string ValidateSlug(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 80 || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || slug[0] == '-')
        {
            throw HubException.Invalid($"slug: '{slug}' must be 1-80 characters of a-z, 0-9 and '-' (it becomes the dataset's URL).");
        }

        return slug;
    }

    /// <summary>
    /// Registers a curate output folder as a dataset, or as a new version of it when the files differ from the latest
    /// version; registering the same files again returns the existing version.
    /// </summary>
    public async Task<DatasetVersion> RegisterAsync(HubUser? actor, string folder, string slug, string name, string licence, string description, long? providerOrganisationId)
    {
        if (actor is not null && !actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators register datasets; you are signed in as {actor.Role}.");
        }

        ValidateSlug(slug);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw HubException.Invalid("name: a dataset needs a name.");
        }

        if (string.IsNullOrWhiteSpace(licence))
        {
            throw HubException.Invalid("licence: say under which licence or terms the dataset is provided (an SPDX id or the agreement's terms).");
        }

        // A run published in object storage is registered by its URL and served through pre-signed URLs.
        var output = Moa.Curation.Storage.S3Url.IsS3(folder) ? CurateOutput.LoadS3(folder, (options ?? new HubOptions()).S3) : CurateOutput.Load(folder);
        var sample = output.ReadSample(5, 400).Select(r => new SampleRow(r.Id, SampleScrubber.Scrub(r.Text).Text)).ToList();
        long tokens = 0;
        using (var stats = JsonDocument.Parse(output.StatsJson))
        {
            if (stats.RootElement.TryGetProperty("tokens_out", out var t) && t.TryGetInt64(out var tv))
            {
                tokens = tv;
            }
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fingerprint = string.Join('\n', output.Files.Select(f => f.Path + ":" + f.Sha256));
        var actorName = actor?.AuditName ?? "system";
        var result = await db.WriteAsync(async (conn, tx) =>
        {
            var ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }, tx).ConfigureAwait(false);
            long datasetId;
            if (ds is null)
            {
                datasetId = await conn.ExecuteScalarAsync<long>(
                    "INSERT INTO datasets (slug, name, description, licence, provider_organisation_id, created_at) VALUES (@slug, @name, @description, @licence, @providerOrganisationId, @now) RETURNING id",
                    new { slug, name, description = description ?? "", licence, providerOrganisationId, now }, tx).ConfigureAwait(false);
                await AuditLog.AppendAsync(conn, tx, now, actorName, "dataset.created", $"dataset:{slug}", new { name, licence }).ConfigureAwait(false);
            }
            else
            {
                datasetId = ds.Id;
                await conn.ExecuteAsync("UPDATE datasets SET name = @name, description = @description, licence = @licence WHERE id = @datasetId",
                    new { name, description = description ?? "", licence, datasetId }, tx).ConfigureAwait(false);
                var latest = await conn.QueryFirstOrDefaultAsync<DatasetVersion>("SELECT * FROM dataset_versions WHERE dataset_id = @datasetId ORDER BY version DESC LIMIT 1", new { datasetId }, tx).ConfigureAwait(false);
                if (latest is not null)
                {
                    var files = await conn.QueryAsync<DatasetFile>("SELECT * FROM dataset_files WHERE version_id = @Id ORDER BY id", new { latest.Id }, tx).ConfigureAwait(false);
                    if (string.Join('\n', files.Select(f => f.Path + ":" + f.Sha256)) == fingerprint)
                    {
                        return latest;
                    }
                }
            }

            var version = 1 + await conn.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM dataset_versions WHERE dataset_id = @datasetId", new { datasetId }, tx).ConfigureAwait(false);
            var dv = new DatasetVersion
            {
                DatasetId = datasetId,
                Version = version,
                ToolVersion = output.ToolVersion,
                ConfigHash = output.ConfigHash,
                Documents = output.Files.Sum(f => f.Documents),
                Bytes = output.Files.Sum(f => f.Bytes),
                Tokens = tokens,
                ManifestJson = output.ManifestJson,
                StatsJson = output.StatsJson,
                SampleJson = JsonSerializer.Serialize(sample),
                StorageDir = output.Folder,
                CreatedAt = now,
            };
            dv.Id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO dataset_versions (dataset_id, version, tool_version, config_hash, documents, bytes, tokens, manifest_json, stats_json, sample_json, storage_dir, created_at)
                  VALUES (@DatasetId, @Version, @ToolVersion, @ConfigHash, @Documents, @Bytes, @Tokens, @ManifestJson, @StatsJson, @SampleJson, @StorageDir, @CreatedAt) RETURNING id",
                dv, tx).ConfigureAwait(false);
            foreach (var f in output.Files)
            {
                await conn.ExecuteAsync("INSERT INTO dataset_files (version_id, path, sha256, bytes, documents) VALUES (@id, @Path, @Sha256, @Bytes, @Documents)",
                    new { id = dv.Id, f.Path, f.Sha256, f.Bytes, f.Documents }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actorName, "dataset.version_registered", $"dataset:{slug}",
                new { version, configHash = output.ConfigHash, files = output.Files.Count, documents = dv.Documents, folder = output.Folder }).ConfigureAwait(false);
            return dv;
        }).ConfigureAwait(false);
        _cache.Clear();
        Interlocked.Increment(ref _generation);
        return result;
    }

    /// <summary>All datasets with their latest version (cached).</summary>
    public async Task<IReadOnlyList<(Dataset Dataset, DatasetVersion Latest)>> ListAsync()
    {
        if (_cache.TryGetValue("list", out var cached))
        {
            return (IReadOnlyList<(Dataset, DatasetVersion)>)cached;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var datasets = (await conn.QueryAsync<Dataset>("SELECT * FROM datasets ORDER BY slug").ConfigureAwait(false)).AsList();
        // The newest current version of each dataset: withdrawn versions leave the catalogue, superseded ones give way to their successor.
        var versions = (await conn.QueryAsync<DatasetVersion>(
            @"SELECT v.* FROM dataset_versions v WHERE v.withdrawn_at IS NULL AND v.superseded_by IS NULL AND v.version =
              (SELECT MAX(version) FROM dataset_versions w WHERE w.dataset_id = v.dataset_id AND w.withdrawn_at IS NULL AND w.superseded_by IS NULL)").ConfigureAwait(false))
            .ToDictionary(v => v.DatasetId);
        var list = datasets.Where(d => versions.ContainsKey(d.Id)).Select(d => (d, versions[d.Id])).ToList();
        _cache["list"] = list;
        return list;
    }

    /// <summary>
    /// A dataset's page data (cached), or null when it does not exist or has no version to show: the public view leaves
    /// withdrawn versions out; <paramref name="includeWithdrawn"/> (the operator's view) keeps the whole history.
    /// </summary>
    public async Task<DatasetDetail?> GetAsync(string slug, bool includeWithdrawn = false)
    {
        var key = (includeWithdrawn ? "all:" : "ds:") + slug;
        if (_cache.TryGetValue(key, out var cached))
        {
            return (DatasetDetail)cached;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }).ConfigureAwait(false);
        if (ds is null)
        {
            return null;
        }

        var versions = (await conn.QueryAsync<DatasetVersion>("SELECT * FROM dataset_versions WHERE dataset_id = @Id ORDER BY version DESC", new { ds.Id }).ConfigureAwait(false))
            .Where(v => includeWithdrawn || v.WithdrawnAt is null).ToList();
        var shown = versions.Where(v => v.WithdrawnAt is null).ToList();
        if (shown.Count == 0 && !includeWithdrawn)
        {
            return null;
        }

        if (versions.Count == 0)
        {
            return null;
        }

        var latest = shown.FirstOrDefault(v => v.IsCurrent) ?? shown.FirstOrDefault() ?? versions[0];
        var successors = new Dictionary<long, Successor>();
        foreach (var v in versions.Where(v => v.SupersededBy is not null))
        {
            var (nextSlug, nextVersion) = await conn.QueryFirstAsync<(string, long)>(
                "SELECT d.slug, v.version FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = @SupersededBy", new { v.SupersededBy }).ConfigureAwait(false);
            successors[v.Id] = new Successor(nextSlug, (int)nextVersion);
        }

        var files = (await conn.QueryAsync<DatasetFile>("SELECT * FROM dataset_files WHERE version_id = @Id ORDER BY path", new { latest.Id }).ConfigureAwait(false)).AsList();
        var stats = JsonDocument.Parse(latest.StatsJson).RootElement.Clone();
        var sample = JsonSerializer.Deserialize<List<SampleRow>>(latest.SampleJson) ?? [];
        var detail = new DatasetDetail(ds, versions, latest, files, stats, sample, successors.GetValueOrDefault(latest.Id), successors);
        _cache[key] = detail;
        return detail;
    }

    /// <summary>Every dataset's slug, withdrawn ones included (the operator's view).</summary>
    public async Task<IReadOnlyList<string>> ListAllSlugsAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<string>("SELECT slug FROM datasets ORDER BY slug").ConfigureAwait(false)).AsList();
    }

    /// <summary>A file of a version with its on-disk path.</summary>
    internal async Task<(Dataset Dataset, DatasetVersion Version, DatasetFile File, string FullPath)?> FindFileAsync(string slug, int version, string path)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }).ConfigureAwait(false);
        if (ds is null)
        {
            return null;
        }

        var v = await conn.QueryFirstOrDefaultAsync<DatasetVersion>("SELECT * FROM dataset_versions WHERE dataset_id = @Id AND version = @version", new { ds.Id, version }).ConfigureAwait(false);
        if (v is null)
        {
            return null;
        }

        if (v.WithdrawnAt is not null)
        {
            throw HubException.Forbidden(WithdrawnMessage(slug, v));
        }

        var f = await conn.QueryFirstOrDefaultAsync<DatasetFile>("SELECT * FROM dataset_files WHERE version_id = @Id AND path = @path", new { v.Id, path }).ConfigureAwait(false);
        var full = f is null ? null
            : Moa.Curation.Storage.S3Url.IsS3(v.StorageDir) ? (CurateOutput.IsSafeRelative(f.Path) ? $"{v.StorageDir}/{f.Path}" : null)
            : CurateOutput.ResolveInside(v.StorageDir, f.Path);
        return f is null || full is null ? null : (ds, v, f, full);
    }

    /// <summary>The refusal for a file of a withdrawn version (its reason begins with "withdrawn").</summary>
    internal static string WithdrawnMessage(string slug, DatasetVersion v) =>
        $"withdrawn: dataset '{slug}' version {v.Version} was withdrawn on {DateTimeOffset.FromUnixTimeMilliseconds(v.WithdrawnAt ?? 0):yyyy-MM-dd} UTC ({v.WithdrawnReason}); it is no longer served.";

    /// <summary>
    /// Withdraws a dataset version: it is no longer served (a refused download is audited with the reason "withdrawn")
    /// nor listed in the public catalogue or Croissant metadata; the operator still sees it with its history.
    /// Operators and members of the dataset's provider organisation may withdraw.
    /// </summary>
    public async Task<DatasetVersion> WithdrawAsync(HubUser actor, string slug, int version, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            throw HubException.Invalid("reason: say in 1-2000 characters why the version is withdrawn (it is shown to the operator and written to the audit log).");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await db.WriteAsync(async (conn, tx) =>
        {
            var (ds, v) = await FindOwnedVersionAsync(conn, tx, actor, slug, version, "withdraw").ConfigureAwait(false);
            if (v.WithdrawnAt is not null)
            {
                throw HubException.Conflict($"dataset '{slug}' version {version} is already withdrawn ({v.WithdrawnReason}).");
            }

            await conn.ExecuteAsync("UPDATE dataset_versions SET withdrawn_at = @now, withdrawn_by = @by, withdrawn_reason = @reason WHERE id = @Id",
                new { now, by = actor.Id, reason, v.Id }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "dataset.withdrawn", $"dataset:{ds.Slug}", new { version, reason }).ConfigureAwait(false);
            v.WithdrawnAt = now;
            v.WithdrawnBy = actor.Id;
            v.WithdrawnReason = reason;
            return v;
        }).ConfigureAwait(false);
        Changed();
        return result;
    }

    /// <summary>
    /// Marks a dataset version as superseded by a successor version (of this or another dataset): the catalogue then shows
    /// the successor, and the superseded version's page points to it. The superseded version stays downloadable under the
    /// agreements that cover it (results made with it remain reproducible); withdraw it to stop that.
    /// </summary>
    public async Task<DatasetVersion> SupersedeAsync(HubUser actor, string slug, int version, string? successorSlug, int successorVersion)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(successorSlug))
        {
            throw HubException.Invalid("successorSlug: name the dataset whose version supersedes this one.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await db.WriteAsync(async (conn, tx) =>
        {
            var (ds, v) = await FindOwnedVersionAsync(conn, tx, actor, slug, version, "supersede").ConfigureAwait(false);
            var (_, next) = await FindOwnedVersionAsync(conn, tx, actor, successorSlug, successorVersion, "name as successor").ConfigureAwait(false);
            if (next.Id == v.Id)
            {
                throw HubException.Invalid($"successorVersion: dataset '{slug}' version {version} cannot supersede itself.");
            }

            if (v.WithdrawnAt is not null || v.SupersededBy is not null)
            {
                throw HubException.Conflict($"dataset '{slug}' version {version} is already {(v.WithdrawnAt is not null ? "withdrawn" : "superseded")}.");
            }

            if (!next.IsCurrent)
            {
                throw HubException.Conflict($"successor '{successorSlug}' version {successorVersion} is itself {(next.WithdrawnAt is not null ? "withdrawn" : "superseded")}; name its current version.");
            }

            await conn.ExecuteAsync("UPDATE dataset_versions SET superseded_at = @now, superseded_by = @next WHERE id = @Id", new { now, next = next.Id, v.Id }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "dataset.superseded", $"dataset:{ds.Slug}",
                new { version, successor = $"{successorSlug}@{successorVersion}" }).ConfigureAwait(false);
            v.SupersededAt = now;
            v.SupersededBy = next.Id;
            return v;
        }).ConfigureAwait(false);
        Changed();
        return result;
    }

    /// <summary>A version the actor may change: operators any, provider members those of their organisation's datasets.</summary>
    private static async Task<(Dataset Dataset, DatasetVersion Version)> FindOwnedVersionAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx, HubUser actor, string slug, int version, string what)
    {
        var ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }, tx).ConfigureAwait(false);
        var owner = actor.IsOperator || (actor.Role == HubRoles.Provider && ds is not null && ds.ProviderOrganisationId is { } org && org == actor.OrganisationId);
        if (ds is not null && !owner)
        {
            throw HubException.Forbidden($"only operators and the dataset's provider {what} versions of '{slug}'; you are signed in as {actor.Role}.");
        }

        var v = ds is null ? null : await conn.QueryFirstOrDefaultAsync<DatasetVersion>("SELECT * FROM dataset_versions WHERE dataset_id = @Id AND version = @version", new { ds.Id, version }, tx).ConfigureAwait(false);
        if (ds is null || v is null)
        {
            if (!actor.IsOperator && actor.Role != HubRoles.Provider)
            {
                throw HubException.Forbidden($"only operators and the dataset's provider {what} dataset versions; you are signed in as {actor.Role}.");
            }

            throw HubException.NotFound($"dataset '{slug}' has no version {version}.");
        }

        return (ds, v);
    }

    private void Changed()
    {
        _cache.Clear();
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Registers a benchmark folder (<c>benchmark.yaml</c> + <c>items.jsonl</c>) so it appears in the hub.</summary>
    public async Task<BenchmarkEntry> RegisterBenchmarkAsync(HubUser? actor, string folder, string slug)
    {
        if (actor is not null && !actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators register benchmarks; you are signed in as {actor.Role}.");
        }

        ValidateSlug(slug);
        folder = Path.GetFullPath(folder);

        // Moa.Evaluation's loader: the strict card and item rules evaluation uses (errors name file, line and field),
        // and its content hash, the one every evaluation run records.
        LoadedBenchmark benchmark;
        try
        {
            benchmark = BenchmarkDataset.Load(folder);
        }
        catch (MoaException ex) when (ex is not HubException)
        {
            throw HubException.Invalid(ex.Message);
        }

        var card = benchmark.Card;
        var items = benchmark.Items.Count;
        var sha = BenchmarkSplitter.FileSha256(Path.Combine(folder, BenchmarkFiles.Items));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var entry = new BenchmarkEntry
        {
            Slug = slug,
            Name = string.IsNullOrWhiteSpace(card.Name) ? slug : card.Name,
            Version = card.Version,
            Licence = card.License,
            Language = card.Language,
            TaskType = card.TaskType,
            Metric = card.Metric,
            Subsets = string.Join(',', card.Subsets),
            Items = items,
            ItemsSha256 = sha,
            ContentHash = benchmark.ContentHash,
            Description = card.Description,
            CreatedAt = now,
        };
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("DELETE FROM benchmarks WHERE slug = @slug", new { slug }, tx).ConfigureAwait(false);
            entry.Id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO benchmarks (slug, name, version, licence, language, task_type, metric, subsets, items, items_sha256, content_hash, description, storage_dir, created_at)
                  VALUES (@Slug, @Name, @Version, @Licence, @Language, @TaskType, @Metric, @Subsets, @Items, @ItemsSha256, @ContentHash, @Description, @folder, @CreatedAt) RETURNING id",
                new { entry.Slug, entry.Name, entry.Version, entry.Licence, entry.Language, entry.TaskType, entry.Metric, entry.Subsets, entry.Items, entry.ItemsSha256, entry.ContentHash, entry.Description, folder, entry.CreatedAt }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor?.AuditName ?? "system", "benchmark.registered", $"benchmark:{slug}", new { entry.Name, entry.Items, sha256 = sha, contentHash = entry.ContentHash }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return entry;
    }

    public async Task<IReadOnlyList<BenchmarkEntry>> ListBenchmarksAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<BenchmarkEntry>("SELECT * FROM benchmarks ORDER BY slug").ConfigureAwait(false)).AsList();
    }
}
