using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;
using Moa.Documents.Jsonl;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Catalogue;

/// <summary>What a viewer request asks for: a page of rows, a full-text search and column filters (<c>column:value</c>).</summary>
public sealed record ViewerQuery(int? Version, int Page, int PageSize, string? Search, IReadOnlyList<string> Filters)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
}

/// <summary>One row of the viewer: the record's id, text and meta (JSON).</summary>
public sealed record ViewerRow(string Id, string Text, JsonElement? Meta);

/// <summary>
/// A page of the viewer. <paramref name="Mode"/> is <c>preview</c> (the masked samples anyone may see) or <c>full</c>
/// (rows of the training parts, for a team under an active agreement, named in <paramref name="AgreementId"/>).
/// </summary>
public sealed record ViewerPage(string Slug, int Version, string Mode, long? AgreementId, int Page, int PageSize, long Total, IReadOnlyList<ViewerRow> Rows, IReadOnlyList<string> Parts);

/// <summary>
/// The dataset viewer: the first rows, paging, full-text search and column filters over a dataset version's training parts
/// (Parquet, gzip or Zstandard JSON lines) with DuckDB, as the Hugging Face dataset viewer does. Anyone sees the masked
/// samples; full rows are for members of a team with an active agreement covering the dataset. <c>removed/</c> parts are
/// never read. Every view is written to the audit log like a download.
/// </summary>
public sealed partial class DatasetViewer(HubDatabase db, TimeProvider time, CatalogueService catalogue)
{
    /// <summary>Columns a filter may name besides meta keys: <c>id</c>, <c>text</c>.</summary>
    private static readonly string[] s_rowColumns = ["id", "text"];

    /// <summary>Parses the query string values into a query, or throws 400 naming the bad parameter.</summary>
    public static ViewerQuery Parse(string? version, string? page, string? pageSize, string? search, IEnumerable<string?> filters)
    {
        int? v = null;
        if (!string.IsNullOrEmpty(version))
        {
            v = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw HubException.Invalid($"version: '{version}' is not a version number (1, 2, …).");
        }

        var p = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > 1_000_000))
        {
            throw HubException.Invalid($"page: '{page}' is not a page number (1 to 1000000). · 쪽 번호가 올바르지 않습니다.");
        }

        var size = ViewerQuery.DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > ViewerQuery.MaxPageSize))
        {
            throw HubException.Invalid($"page_size: '{pageSize}' must be 1 to {ViewerQuery.MaxPageSize}.");
        }

        if (search is { Length: > 200 })
        {
            throw HubException.Invalid("q: a search is at most 200 characters.");
        }

        var list = new List<string>();
        foreach (var f in filters)
        {
            if (string.IsNullOrEmpty(f))
            {
                continue;
            }

            var colon = f.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !ColumnName().IsMatch(f[..colon]) || f.Length - colon - 1 > 200)
            {
                throw HubException.Invalid($"filter: '{f}' is not column:value; the column is id, text or a meta key (letters, digits, '_'), e.g. filter=lang:ko. · 필터 형식은 열:값 입니다.");
            }

            list.Add(f);
        }

        if (list.Count > 8)
        {
            throw HubException.Invalid("filter: at most 8 filters.");
        }

        return new ViewerQuery(v, p, size, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), list);
    }

    /// <summary>A page of rows for <paramref name="user"/> (null: the public), audited as <c>dataset.viewed</c>.</summary>
    public async Task<ViewerPage> ViewAsync(HubUser? user, string slug, ViewerQuery query, string remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(query);
        var detail = await catalogue.GetAsync(slug).ConfigureAwait(false) ?? throw HubException.NotFound($"dataset '{slug}' does not exist.");
        var version = detail.Latest;
        if (query.Version is { } wanted && wanted != version.Version)
        {
            version = detail.Versions.FirstOrDefault(v => v.Version == wanted)
                ?? throw HubException.NotFound($"dataset '{slug}' has no version {wanted} to show.");
        }

        var agreement = await ActiveAgreementAsync(user, detail.Dataset.Id).ConfigureAwait(false);
        ViewerPage page;
        if (agreement is null)
        {
            page = Preview(slug, version, detail.Sample, query);
        }
        else
        {
            page = await FullAsync(slug, version, agreement.Id, query).ConfigureAwait(false);
        }

        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, at, user?.AuditName ?? "anonymous", "dataset.viewed", $"dataset:{slug}",
            new { version = version.Version, mode = page.Mode, agreement = agreement?.Id, page = query.Page, pageSize = query.PageSize, q = query.Search, filters = query.Filters, rows = page.Rows.Count, from = remoteAddress })).ConfigureAwait(false);
        return page;
    }

    /// <summary>An active agreement that lets <paramref name="user"/>'s team use the dataset now, for any purpose, or null.</summary>
    private async Task<Agreement?> ActiveAgreementAsync(HubUser? user, long datasetId)
    {
        if (user is null || user.Role != HubRoles.Team || user.OrganisationId is null)
        {
            return null;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var agreements = await AgreementService.ForTeamAndDatasetAsync(conn, user.OrganisationId.Value, datasetId).ConfigureAwait(false);
        return agreements.FirstOrDefault(a => a.EffectiveState(now) == AgreementStates.Active && now >= a.StartsAt);
    }

    private static ViewerPage Preview(string slug, DatasetVersion version, IReadOnlyList<SampleRow> sample, ViewerQuery query)
    {
        IEnumerable<SampleRow> rows = sample;
        if (query.Search is { } q)
        {
            rows = rows.Where(r => r.Text.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var f in query.Filters)
        {
            var colon = f.IndexOf(':', StringComparison.Ordinal);
            var (column, value) = (f[..colon], f[(colon + 1)..]);
            rows = column switch
            {
                "id" => rows.Where(r => r.Id == value),
                "text" => rows.Where(r => r.Text.Contains(value, StringComparison.OrdinalIgnoreCase)),
                _ => [], // The masked samples carry no meta: a meta filter matches none of them.
            };
        }

        var all = rows.ToList();
        var pageRows = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(r => new ViewerRow(r.Id, r.Text, null)).ToList();
        return new ViewerPage(slug, version.Version, "preview", null, query.Page, query.PageSize, all.Count, pageRows, []);
    }

    private async Task<ViewerPage> FullAsync(string slug, DatasetVersion version, long agreementId, ViewerQuery query)
    {
        if (version.WithdrawnAt is not null)
        {
            throw HubException.Forbidden(CatalogueService.WithdrawnMessage(slug, version));
        }

        List<DatasetFile> files;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            files = (await conn.QueryAsync<DatasetFile>("SELECT * FROM dataset_files WHERE version_id = @Id ORDER BY path", new { version.Id }).ConfigureAwait(false)).AsList();
        }

        // Training parts only: a removed/ part is never shown, whatever its manifest says.
        var parts = files.Where(f => f.Path.StartsWith("data/", StringComparison.Ordinal) && CorpusPart.IsPart(f.Path)).ToList();
        if (parts.Count == 0)
        {
            throw HubException.NotFound($"dataset '{slug}' version {version.Version} has no training parts to show.");
        }

        var paths = new List<string>();
        foreach (var part in parts)
        {
            var full = CurateOutput.ResolveInside(version.StorageDir, part.Path);
            if (full is null || !File.Exists(full))
            {
                throw HubException.NotFound($"'{part.Path}' of '{slug}' is registered but missing on the hub's disk; tell the operator. · 등록된 파일이 허브 디스크에 없습니다.");
            }

            paths.Add(full);
        }

        var source = Source(paths);
        var where = new StringBuilder(" WHERE true");
        var parameters = new List<object>();
        if (query.Search is { } q)
        {
            parameters.Add(q);
            where.Append(CultureInfo.InvariantCulture, $" AND contains(lower(text), lower(${parameters.Count}))");
        }

        foreach (var f in query.Filters)
        {
            var colon = f.IndexOf(':', StringComparison.Ordinal);
            var (column, value) = (f[..colon], f[(colon + 1)..]);
            parameters.Add(value);
            var n = parameters.Count;
            if (s_rowColumns.Contains(column))
            {
                var number = n.ToString(CultureInfo.InvariantCulture);
                where.Append(column == "id" ? " AND id = $" + number : " AND contains(lower(text), lower($" + number + "))");
            }
            else
            {
                parameters.Add("$." + column);
                where.Append(CultureInfo.InvariantCulture, $" AND json_extract_string(meta, ${n + 1}) = ${n}");
            }
        }

        try
        {
            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            long total;
            using (var count = duck.CreateCommand())
            {
                count.CommandText = $"SELECT count(*) FROM {source}{where}";
                AddParameters(count, parameters);
                total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var rows = new List<ViewerRow>();
            using (var select = duck.CreateCommand())
            {
                select.CommandText = string.Create(CultureInfo.InvariantCulture,
                    $"SELECT id, text, CAST(meta AS VARCHAR) FROM {source}{where} ORDER BY part, line LIMIT {query.PageSize} OFFSET {(long)(query.Page - 1) * query.PageSize}");
                AddParameters(select, parameters);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var meta = reader.IsDBNull(2) ? null : reader.GetString(2);
                    rows.Add(new ViewerRow(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), meta is null ? null : JsonDocument.Parse(meta).RootElement.Clone()));
                }
            }

            return new ViewerPage(slug, version.Version, "full", agreementId, query.Page, query.PageSize, total, rows, [.. parts.Select(p => p.Path)]);
        }
        catch (DuckDBException ex)
        {
            throw HubException.Conflict($"the parts of '{slug}' version {version.Version} cannot be read ({FirstLine(ex.Message)}); tell the operator.");
        }
    }

    /// <summary>
    /// The union of the parts as <c>(part, line, id, text, meta)</c>: Parquet through <c>read_parquet</c>, JSON lines (gzip
    /// and Zstandard by extension) through <c>read_json</c>; <c>part</c> and <c>line</c> keep the corpus order.
    /// </summary>
    private static string Source(IReadOnlyList<string> paths)
    {
        var selects = new List<string>();
        for (var i = 0; i < paths.Count; i++)
        {
            var literal = "'" + paths[i].Replace("'", "''", StringComparison.Ordinal) + "'";
            selects.Add(CorpusPart.IsParquet(paths[i])
                ? string.Create(CultureInfo.InvariantCulture, $"SELECT {i} AS part, file_row_number AS line, CAST(id AS VARCHAR) AS id, CAST(text AS VARCHAR) AS text, CAST(meta AS JSON) AS meta FROM read_parquet({literal}, file_row_number = true)")
                : string.Create(CultureInfo.InvariantCulture, $"SELECT {i} AS part, row_number() OVER () AS line, id, text, meta FROM read_json({literal}, format = 'newline_delimited', columns = {{id: 'VARCHAR', text: 'VARCHAR', meta: 'JSON'}})"));
        }

        return "(" + string.Join(" UNION ALL ", selects) + ")";
    }

    private static void AddParameters(DuckDBCommand command, List<object> values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ColumnName();
}
