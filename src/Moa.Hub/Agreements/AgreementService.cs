using System.Data.Common;
using Dapper;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Agreements;

/// <summary>The terms of a new agreement.</summary>
public sealed record NewAgreement(
    string Title,
    long ProviderOrganisationId,
    long TeamOrganisationId,
    IReadOnlyList<string> DatasetSlugs,
    IReadOnlyList<string> Purposes,
    bool Commercial,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    long ProcessingSupportKrw,
    long CopyrightCompensationKrw,
    string Responsibilities);

/// <summary>
/// Agreements: the operator drafts, each party signs (provider member, operator for the agency, team member),
/// the third signature activates it; revocation or the end of the period removes access at once.
/// </summary>
public sealed class AgreementService(HubDatabase db, TimeProvider time)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Agreement> CreateAsync(HubUser actor, NewAgreement terms)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(terms);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators draft agreements; you are signed in as {actor.Role}.");
        }

        HubException.NoNullItems(terms.DatasetSlugs, "datasetSlugs");
        HubException.NoNullItems(terms.Purposes, "purposes");
        if (string.IsNullOrWhiteSpace(terms.Title))
        {
            throw HubException.Invalid("title: an agreement needs a title.");
        }

        if (terms.DatasetSlugs is null || terms.DatasetSlugs.Count == 0)
        {
            throw HubException.Invalid("datasets: an agreement covers at least one dataset.");
        }

        if (terms.Purposes is null || terms.Purposes.Count == 0)
        {
            throw HubException.Invalid($"purposes: name at least one of {string.Join(", ", Purposes.All)}.");
        }

        foreach (var p in terms.Purposes)
        {
            Purposes.Validate(p);
        }

        if (terms.EndsAt <= terms.StartsAt)
        {
            throw HubException.Invalid("endsAt: the period must end after it starts.");
        }

        if (terms.ProcessingSupportKrw < 0 || terms.CopyrightCompensationKrw < 0)
        {
            throw HubException.Invalid("costs: processing support and copyright compensation cannot be negative.");
        }

        if (terms.ProviderOrganisationId == terms.TeamOrganisationId)
        {
            throw HubException.Invalid("teamOrganisationId: the team must be a different organisation from the provider.");
        }

        var now = Now;
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            foreach (var orgId in new[] { terms.ProviderOrganisationId, terms.TeamOrganisationId })
            {
                if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM organisations WHERE id = @orgId", new { orgId }, tx).ConfigureAwait(false) is null)
                {
                    throw HubException.Invalid($"organisation {orgId} does not exist.");
                }
            }

            var datasetIds = new List<long>();
            foreach (var slug in terms.DatasetSlugs.Distinct(StringComparer.Ordinal))
            {
                datasetIds.Add(await conn.ExecuteScalarAsync<long?>("SELECT id FROM datasets WHERE slug = @slug", new { slug }, tx).ConfigureAwait(false)
                    ?? throw HubException.Invalid($"datasets: no dataset '{slug}' in the catalogue."));
            }

            var id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO agreements (title, provider_organisation_id, team_organisation_id, purposes, commercial, starts_at, ends_at, processing_support_krw, copyright_compensation_krw, responsibilities, state, created_by, created_at)
                  VALUES (@Title, @ProviderOrganisationId, @TeamOrganisationId, @purposes, @commercial, @startsAt, @endsAt, @ProcessingSupportKrw, @CopyrightCompensationKrw, @Responsibilities, @state, @by, @now) RETURNING id",
                new
                {
                    terms.Title,
                    terms.ProviderOrganisationId,
                    terms.TeamOrganisationId,
                    purposes = string.Join(' ', terms.Purposes.Distinct(StringComparer.Ordinal)),
                    commercial = terms.Commercial ? 1 : 0,
                    startsAt = terms.StartsAt.ToUnixTimeMilliseconds(),
                    endsAt = terms.EndsAt.ToUnixTimeMilliseconds(),
                    terms.ProcessingSupportKrw,
                    terms.CopyrightCompensationKrw,
                    Responsibilities = terms.Responsibilities ?? "",
                    state = AgreementStates.Draft,
                    by = actor.Id,
                    now,
                }, tx).ConfigureAwait(false);
            foreach (var datasetId in datasetIds)
            {
                await conn.ExecuteAsync("INSERT INTO agreement_datasets (agreement_id, dataset_id) VALUES (@id, @datasetId)", new { id, datasetId }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "agreement.created", $"agreement:{id}",
                new { terms.Title, terms.ProviderOrganisationId, terms.TeamOrganisationId, datasets = terms.DatasetSlugs, purposes = terms.Purposes, terms.Commercial }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return (await GetAsync(actor, id).ConfigureAwait(false))!;
    }

    /// <summary>An agreement visible to the actor (operators: all; others: agreements their organisation is party to).</summary>
    public async Task<Agreement?> GetAsync(HubUser actor, long id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var a = await LoadAsync(conn, null, id).ConfigureAwait(false);
        if (a is not null && !CanSee(actor, a))
        {
            throw HubException.Forbidden($"agreement {id}: your organisation is not a party to it.");
        }

        return a;
    }

    public async Task<IReadOnlyList<Agreement>> ListAsync(HubUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var ids = await conn.QueryAsync<long>("SELECT id FROM agreements ORDER BY id").ConfigureAwait(false);
        var list = new List<Agreement>();
        foreach (var id in ids)
        {
            var a = await LoadAsync(conn, null, id).ConfigureAwait(false);
            if (a is not null && CanSee(actor, a))
            {
                list.Add(a);
            }
        }

        return list;
    }

    /// <summary>Records the actor's signature for the party they represent; the last of the three signatures activates the agreement.</summary>
    public async Task<Agreement> SignAsync(HubUser actor, long id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var a = await LoadAsync(conn, tx, id).ConfigureAwait(false) ?? throw HubException.NotFound($"agreement {id} does not exist.");
            var party = actor.Role switch
            {
                HubRoles.Operator => Parties.Agency,
                HubRoles.Provider when actor.OrganisationId == a.ProviderOrganisationId => Parties.Provider,
                HubRoles.Team when actor.OrganisationId == a.TeamOrganisationId => Parties.Team,
                _ => throw HubException.Forbidden($"agreement {id}: your organisation is not a party to it, so you cannot sign it."),
            };
            if (a.State != AgreementStates.Draft)
            {
                throw HubException.Conflict($"agreement {id} is {a.State}; only a draft can be signed.");
            }

            if (a.Signatures.Any(s => s.Party == party))
            {
                throw HubException.Conflict($"agreement {id} is already signed for the {party}.");
            }

            await conn.ExecuteAsync("INSERT INTO agreement_signatures (agreement_id, party, user_id, signed_at) VALUES (@id, @party, @userId, @now)",
                new { id, party, userId = actor.Id, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "agreement.signed", $"agreement:{id}", new { party }).ConfigureAwait(false);
            if (a.Signatures.Count + 1 == Parties.All.Count)
            {
                await conn.ExecuteAsync("UPDATE agreements SET state = @s WHERE id = @id", new { s = AgreementStates.Active, id }, tx).ConfigureAwait(false);
                await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "agreement.activated", $"agreement:{id}").ConfigureAwait(false);
            }

            return 0;
        }).ConfigureAwait(false);
        return (await GetAsync(actor, id).ConfigureAwait(false))!;
    }

    /// <summary>Revokes an agreement (operator); access ends at once, also for links already issued.</summary>
    public async Task<Agreement> RevokeAsync(HubUser actor, long id, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators revoke agreements; you are signed in as {actor.Role}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw HubException.Invalid("reason: say why the agreement is revoked; the parties will read it.");
        }

        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var a = await LoadAsync(conn, tx, id).ConfigureAwait(false) ?? throw HubException.NotFound($"agreement {id} does not exist.");
            if (a.State is AgreementStates.Revoked or AgreementStates.Expired)
            {
                throw HubException.Conflict($"agreement {id} is already {a.State}.");
            }

            await conn.ExecuteAsync("UPDATE agreements SET state = @s, state_reason = @reason WHERE id = @id", new { s = AgreementStates.Revoked, reason, id }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "agreement.revoked", $"agreement:{id}", new { reason }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return (await GetAsync(actor, id).ConfigureAwait(false))!;
    }

    /// <summary>Records the expiry of active agreements past their end (access already stopped at the end time); returns how many.</summary>
    public async Task<int> SweepExpiredAsync()
    {
        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            var ids = (await conn.QueryAsync<long>("SELECT id FROM agreements WHERE state = @s AND ends_at <= @now", new { s = AgreementStates.Active, now }, tx).ConfigureAwait(false)).AsList();
            foreach (var id in ids)
            {
                await conn.ExecuteAsync("UPDATE agreements SET state = @s, state_reason = @r WHERE id = @id", new { s = AgreementStates.Expired, r = "period ended", id }, tx).ConfigureAwait(false);
                await AuditLog.AppendAsync(conn, tx, now, "system", "agreement.expired", $"agreement:{id}").ConfigureAwait(false);
            }

            return ids.Count;
        }).ConfigureAwait(false);
    }

    /// <summary>Agreements of a team organisation that name a dataset, freshest first (for access decisions).</summary>
    internal static async Task<IReadOnlyList<Agreement>> ForTeamAndDatasetAsync(DbConnection conn, long teamOrganisationId, long datasetId)
    {
        var ids = await conn.QueryAsync<long>(
            @"SELECT a.id FROM agreements a JOIN agreement_datasets d ON d.agreement_id = a.id
              WHERE a.team_organisation_id = @teamOrganisationId AND d.dataset_id = @datasetId ORDER BY a.id DESC",
            new { teamOrganisationId, datasetId }).ConfigureAwait(false);
        var list = new List<Agreement>();
        foreach (var id in ids)
        {
            list.Add((await LoadAsync(conn, null, id).ConfigureAwait(false))!);
        }

        return list;
    }

    internal static async Task<Agreement?> LoadAsync(DbConnection conn, DbTransaction? tx, long id)
    {
        var a = await conn.QueryFirstOrDefaultAsync<Agreement>("SELECT * FROM agreements WHERE id = @id", new { id }, tx).ConfigureAwait(false);
        if (a is null)
        {
            return null;
        }

        a.DatasetSlugs = (await conn.QueryAsync<string>("SELECT d.slug FROM agreement_datasets ad JOIN datasets d ON d.id = ad.dataset_id WHERE ad.agreement_id = @id ORDER BY d.slug", new { id }, tx).ConfigureAwait(false)).AsList();
        a.Signatures = (await conn.QueryAsync<AgreementSignature>("SELECT * FROM agreement_signatures WHERE agreement_id = @id ORDER BY signed_at", new { id }, tx).ConfigureAwait(false)).AsList();
        return a;
    }

    private static bool CanSee(HubUser actor, Agreement a) =>
        actor.IsOperator || (actor.OrganisationId is { } org && (org == a.ProviderOrganisationId || org == a.TeamOrganisationId));
}
