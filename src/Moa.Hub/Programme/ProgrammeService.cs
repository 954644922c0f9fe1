using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Programme;

/// <summary>A field of a new call.</summary>
public sealed record NewCallField(string Code, string Name, long BudgetKrw, int Slots);

/// <summary>A consortium member of a new application.</summary>
public sealed record NewMember(long OrganisationId, string Role);

/// <summary>
/// Organisations, calls and applications: the intake side of the programme. Applications move
/// draft → submitted → under_review → selected / rejected, and the 2024 consortium rules are enforced at submission.
/// </summary>
public sealed class ProgrammeService(HubDatabase db, TimeProvider time, HubOptions options)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Organisation> CreateOrganisationAsync(HubUser actor, string name, string brn, string kind)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == HubRoles.Team)
        {
            throw HubException.Forbidden("only operators and provider members register organisations.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw HubException.Invalid("name: an organisation name is required.");
        }

        string[] kinds = ["company", "university", "public", "team"];
        if (!kinds.Contains(kind))
        {
            throw HubException.Invalid($"kind: '{kind}' is not known; use {string.Join(", ", kinds)}.");
        }

        var digits = BusinessRegistrationNumber.Require(brn);
        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            var existing = await conn.QueryFirstOrDefaultAsync<Organisation>("SELECT * FROM organisations WHERE brn = @digits", new { digits }, tx).ConfigureAwait(false);
            if (existing is not null)
            {
                throw HubException.Conflict($"businessRegistrationNumber: {BusinessRegistrationNumber.Format(digits)} is already registered as '{existing.Name}' (id {existing.Id}).");
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO organisations (name, brn, kind, created_at) VALUES (@name, @digits, @kind, @now) RETURNING id",
                new { name = name.Trim(), digits, kind, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "organisation.created", $"organisation:{id}", new { name, brn = digits, kind }).ConfigureAwait(false);
            return new Organisation { Id = id, Name = name.Trim(), Brn = digits, Kind = kind, CreatedAt = now };
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<Organisation>("SELECT * FROM organisations ORDER BY id").ConfigureAwait(false)).AsList();
    }

    public async Task<Call> CreateCallAsync(HubUser actor, string title, string description, int year, DateTimeOffset deadline, IReadOnlyList<NewCallField> fields)
    {
        RequireOperator(actor, "create calls");
        HubException.NoNullItems(fields, "fields");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw HubException.Invalid("title: a call needs a title.");
        }

        if (fields.Count == 0)
        {
            throw HubException.Invalid("fields: a call needs at least one field (분야).");
        }

        if (fields.Select(f => f.Code).Distinct(StringComparer.Ordinal).Count() != fields.Count)
        {
            throw HubException.Invalid("fields: field codes must be unique within a call.");
        }

        foreach (var f in fields)
        {
            if (string.IsNullOrWhiteSpace(f.Code) || string.IsNullOrWhiteSpace(f.Name) || f.BudgetKrw < 0 || f.Slots < 1)
            {
                throw HubException.Invalid($"fields[{f.Code}]: each field needs a code, a name, a budget >= 0 and at least 1 slot.");
            }
        }

        var now = Now;
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO calls (title, description, year, deadline, created_at) VALUES (@title, @description, @year, @deadline, @now) RETURNING id",
                new { title, description = description ?? "", year, deadline = deadline.ToUnixTimeMilliseconds(), now }, tx).ConfigureAwait(false);
            foreach (var f in fields)
            {
                await conn.ExecuteAsync(
                    "INSERT INTO call_fields (call_id, code, name, budget_krw, slots) VALUES (@id, @Code, @Name, @BudgetKrw, @Slots)",
                    new { id, f.Code, f.Name, f.BudgetKrw, f.Slots }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "call.created", $"call:{id}", new { title, year, fields = fields.Count }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return (await GetCallAsync(id))!;
    }

    public async Task<IReadOnlyList<Call>> ListCallsAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var calls = (await conn.QueryAsync<Call>("SELECT * FROM calls ORDER BY id").ConfigureAwait(false)).AsList();
        var fields = (await conn.QueryAsync<CallField>("SELECT * FROM call_fields ORDER BY id").ConfigureAwait(false)).ToLookup(f => f.CallId);
        foreach (var c in calls)
        {
            c.Fields = [.. fields[c.Id]];
        }

        return calls;
    }

    public async Task<Call?> GetCallAsync(long id)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var call = await conn.QueryFirstOrDefaultAsync<Call>("SELECT * FROM calls WHERE id = @id", new { id }).ConfigureAwait(false);
        if (call is not null)
        {
            call.Fields = (await conn.QueryAsync<CallField>("SELECT * FROM call_fields WHERE call_id = @id ORDER BY id", new { id }).ConfigureAwait(false)).AsList();
        }

        return call;
    }

    /// <summary>Creates a draft application. Provider members may only apply for a consortium their organisation belongs to.</summary>
    public async Task<Application> CreateApplicationAsync(HubUser actor, long callId, string fieldCode, string title, IReadOnlyList<NewMember> members)
    {
        ArgumentNullException.ThrowIfNull(actor);
        HubException.NoNullItems(members, "members");
        if (actor.Role != HubRoles.Provider)
        {
            throw HubException.Forbidden($"only provider members apply to calls; you are signed in as {actor.Role}.");
        }

        if (!members.Any(m => m.OrganisationId == actor.OrganisationId))
        {
            throw HubException.Forbidden("members: your own organisation must be a member of the consortium you apply for.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw HubException.Invalid("title: an application needs a title.");
        }

        foreach (var m in members)
        {
            if (!MemberRoles.All.Contains(m.Role))
            {
                throw HubException.Invalid($"members: role '{m.Role}' is not known; use lead, participant or demand.");
            }
        }

        if (members.Select(m => m.OrganisationId).Distinct().Count() != members.Count)
        {
            throw HubException.Invalid("members: an organisation can appear only once in a consortium.");
        }

        if (members.Count(m => m.Role == MemberRoles.Lead) != 1)
        {
            throw HubException.Invalid("members: a consortium has exactly one lead organisation (주관기관).");
        }

        var call = await GetCallAsync(callId).ConfigureAwait(false) ?? throw HubException.NotFound($"callId: call {callId} does not exist.");
        var field = call.Fields.FirstOrDefault(f => f.Code == fieldCode)
            ?? throw HubException.Invalid($"fieldCode: call {callId} has no field '{fieldCode}'; its fields are {string.Join(", ", call.Fields.Select(f => f.Code))}.");
        var now = Now;
        if (now > call.Deadline)
        {
            throw HubException.Conflict($"call {callId} closed on {DateTimeOffset.FromUnixTimeMilliseconds(call.Deadline):yyyy-MM-dd HH:mm} UTC.");
        }

        var id = await db.WriteAsync(async (conn, tx) =>
        {
            foreach (var m in members)
            {
                if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM organisations WHERE id = @OrganisationId", new { m.OrganisationId }, tx).ConfigureAwait(false) is null)
                {
                    throw HubException.Invalid($"members: organisation {m.OrganisationId} does not exist.");
                }
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO applications (call_id, field_id, title, state, created_by, created_at, updated_at) VALUES (@callId, @fieldId, @title, @state, @by, @now, @now) RETURNING id",
                new { callId, fieldId = field.Id, title, state = ApplicationStates.Draft, by = actor.Id, now }, tx).ConfigureAwait(false);
            foreach (var m in members)
            {
                // The applicant's own organisation accepts by applying; every other organisation named must accept itself.
                var own = m.OrganisationId == actor.OrganisationId;
                await conn.ExecuteAsync("INSERT INTO application_members (application_id, organisation_id, role, accepted_at, accepted_by) VALUES (@id, @OrganisationId, @Role, @at, @by)",
                    new { id, m.OrganisationId, m.Role, at = own ? now : (long?)null, by = own ? actor.Id : (long?)null }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "application.created", $"application:{id}", new { callId, field = fieldCode, title }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return (await GetApplicationAsync(actor, id).ConfigureAwait(false))!;
    }

    /// <summary>One application, if the actor may see it (operators: all; provider members: their consortium's).</summary>
    public async Task<Application?> GetApplicationAsync(HubUser actor, long id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var app = await LoadApplicationAsync(conn, null, id).ConfigureAwait(false);
        if (app is null)
        {
            return null;
        }

        if (!CanSee(actor, app))
        {
            throw HubException.Forbidden($"application {id} belongs to a consortium your organisation is not part of.");
        }

        return app;
    }

    public async Task<IReadOnlyList<Application>> ListApplicationsAsync(HubUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == HubRoles.Team)
        {
            throw HubException.Forbidden("team members do not see programme applications.");
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var ids = await conn.QueryAsync<long>("SELECT id FROM applications ORDER BY id").ConfigureAwait(false);
        var list = new List<Application>();
        foreach (var id in ids)
        {
            var app = await LoadApplicationAsync(conn, null, id).ConfigureAwait(false);
            if (app is not null && CanSee(actor, app))
            {
                list.Add(app);
            }
        }

        return list;
    }

    /// <summary>Stores one required document of a draft application after checking size, type and container safety.</summary>
    public async Task<ApplicationDocument> UploadDocumentAsync(HubUser actor, long applicationId, string kind, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!DocumentKinds.Required.Contains(kind))
        {
            throw HubException.Invalid($"kind: '{kind}' is not a document kind; use {string.Join(", ", DocumentKinds.Required)}.");
        }

        var app = await GetApplicationAsync(actor, applicationId).ConfigureAwait(false) ?? throw HubException.NotFound($"application {applicationId} does not exist.");
        if (actor.Role != HubRoles.Provider)
        {
            throw HubException.Forbidden("only provider members of the consortium upload application documents.");
        }

        if (app.State != ApplicationStates.Draft)
        {
            throw HubException.Conflict($"application {applicationId} is {app.State}; documents can only change while it is a draft.");
        }

        var uploads = Path.Combine(options.DataDirectory, "uploads");
        Web.FilePermissions.CreatePrivateDirectory(options.DataDirectory);
        Web.FilePermissions.CreatePrivateDirectory(uploads);
        var dir = Path.Combine(uploads, applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Web.FilePermissions.CreatePrivateDirectory(dir);
        var storedName = $"{kind}-{Guid.NewGuid():N}.bin";
        var path = Path.Combine(dir, storedName);
        string type;
        long size;
        string sha;
        try
        {
            await using (var file = Web.FilePermissions.CreatePrivateFile(path, FileMode.CreateNew))
            {
                type = await DocumentInspector.CopyAndCheckAsync(content, file, kind, options, cancellationToken).ConfigureAwait(false);
                size = file.Length;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var safeName = DocumentInspector.SafeFileName(fileName);
        var now = Now;
        var doc = await db.WriteAsync(async (conn, tx) =>
        {
            var old = await conn.ExecuteScalarAsync<string?>("SELECT storage_path FROM application_documents WHERE application_id = @applicationId AND kind = @kind", new { applicationId, kind }, tx).ConfigureAwait(false);
            await conn.ExecuteAsync("DELETE FROM application_documents WHERE application_id = @applicationId AND kind = @kind", new { applicationId, kind }, tx).ConfigureAwait(false);
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO application_documents (application_id, kind, file_name, content_type, size, sha256, storage_path, uploaded_by, uploaded_at) VALUES (@applicationId, @kind, @safeName, @type, @size, @sha, @path, @by, @now) RETURNING id",
                new { applicationId, kind, safeName, type, size, sha, path, by = actor.Id, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "application.document_uploaded", $"application:{applicationId}", new { kind, fileName = safeName, type, size, sha256 = sha }).ConfigureAwait(false);
            if (old is not null)
            {
                File.Delete(old);
            }

            return new ApplicationDocument { Id = id, ApplicationId = applicationId, Kind = kind, FileName = safeName, ContentType = type, Size = size, Sha256 = sha, StoragePath = path, UploadedAt = now };
        }, cancellationToken).ConfigureAwait(false);
        return doc;
    }

    /// <summary>Opens a stored document for reading (for operators and the consortium).</summary>
    public async Task<(ApplicationDocument Document, Stream Content)> OpenDocumentAsync(HubUser actor, long applicationId, string kind)
    {
        var app = await GetApplicationAsync(actor, applicationId).ConfigureAwait(false) ?? throw HubException.NotFound($"application {applicationId} does not exist.");
        var doc = app.Documents.FirstOrDefault(d => d.Kind == kind) ?? throw HubException.NotFound($"application {applicationId} has no {kind} document.");
        return (doc, new FileStream(doc.StoragePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));
    }

    /// <summary>Submits a draft: all required documents present and the consortium rules of the call hold.</summary>
    public Task<Application> SubmitAsync(HubUser actor, long applicationId) =>
        TransitionAsync(actor, applicationId, ApplicationStates.Draft, ApplicationStates.Submitted, null, async (conn, tx, app) =>
        {
            if (actor.Role != HubRoles.Provider)
            {
                throw HubException.Forbidden("only provider members of the consortium submit an application.");
            }

            var missing = DocumentKinds.Required.Where(k => app.Documents.All(d => d.Kind != k)).ToList();
            if (missing.Count > 0)
            {
                throw HubException.Invalid($"application {applicationId} cannot be submitted: missing documents {string.Join(", ", missing)}.");
            }

            var pending = app.Members.Where(m => m.AcceptedAt is null).Select(m => m.OrganisationId).ToList();
            if (pending.Count > 0)
            {
                throw HubException.Conflict($"application {applicationId} cannot be submitted: organisation(s) {string.Join(", ", pending)} have not accepted their role yet; a member of each must accept it (POST /api/applications/{applicationId}/accept).");
            }

            await CheckConsortiumRulesAsync(conn, tx, app).ConfigureAwait(false);
        });

    /// <summary>A provider member accepts the role their organisation was named for in an application (consent).</summary>
    public async Task<Application> AcceptMembershipAsync(HubUser actor, long applicationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var app = await LoadApplicationAsync(conn, tx, applicationId).ConfigureAwait(false) ?? throw HubException.NotFound($"application {applicationId} does not exist.");
            var member = app.Members.FirstOrDefault(m => m.OrganisationId == actor.OrganisationId);
            if (actor.Role != HubRoles.Provider || member is null)
            {
                throw HubException.Forbidden($"application {applicationId} does not name your organisation; only its members accept a role in it.");
            }

            if (app.State != ApplicationStates.Draft)
            {
                throw HubException.Conflict($"application {applicationId} is {app.State}; roles are accepted while it is a draft.");
            }

            if (member.AcceptedAt is not null)
            {
                throw HubException.Conflict($"your organisation already accepted its role ({member.Role}) in application {applicationId}.");
            }

            await conn.ExecuteAsync("UPDATE application_members SET accepted_at = @now, accepted_by = @by WHERE application_id = @applicationId AND organisation_id = @org",
                new { now, by = actor.Id, applicationId, org = member.OrganisationId }, tx).ConfigureAwait(false);
            return await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "application.role_accepted", $"application:{applicationId}", new { organisation = member.OrganisationId, role = member.Role }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return (await GetApplicationAsync(actor, applicationId).ConfigureAwait(false))!;
    }

    /// <summary>The lead organisation's members withdraw an application that is not decided yet; it then counts against no limit.</summary>
    public async Task<Application> WithdrawAsync(HubUser actor, long applicationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var app = await LoadApplicationAsync(conn, tx, applicationId).ConfigureAwait(false) ?? throw HubException.NotFound($"application {applicationId} does not exist.");
            var member = app.Members.FirstOrDefault(m => m.OrganisationId == actor.OrganisationId);
            if (actor.Role != HubRoles.Provider || member is null || (member.Role != MemberRoles.Lead && app.CreatedBy != actor.Id))
            {
                throw HubException.Forbidden($"only members of the lead organisation (or its author) withdraw application {applicationId}.");
            }

            if (app.State is not (ApplicationStates.Draft or ApplicationStates.Submitted or ApplicationStates.UnderReview))
            {
                throw HubException.Conflict($"application {applicationId} is {app.State}; only draft, submitted or under-review applications can be withdrawn.");
            }

            await conn.ExecuteAsync("UPDATE applications SET state = @to, updated_at = @now WHERE id = @applicationId", new { to = ApplicationStates.Withdrawn, now, applicationId }, tx).ConfigureAwait(false);
            return await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "application.withdrawn", $"application:{applicationId}", new { from = app.State }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return (await GetApplicationAsync(actor, applicationId).ConfigureAwait(false))!;
    }

    public Task<Application> StartReviewAsync(HubUser actor, long applicationId) =>
        TransitionAsync(actor, applicationId, ApplicationStates.Submitted, ApplicationStates.UnderReview, null, (_, _, _) => OperatorOnly(actor, "review applications"));

    public Task<Application> SelectAsync(HubUser actor, long applicationId) =>
        TransitionAsync(actor, applicationId, ApplicationStates.UnderReview, ApplicationStates.Selected, null, async (conn, tx, app) =>
        {
            await OperatorOnly(actor, "select applications").ConfigureAwait(false);
            var slots = await conn.ExecuteScalarAsync<long>("SELECT slots FROM call_fields WHERE id = @FieldId", new { app.FieldId }, tx).ConfigureAwait(false);
            var taken = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE field_id = @FieldId AND state = @s", new { app.FieldId, s = ApplicationStates.Selected }, tx).ConfigureAwait(false);
            if (taken >= slots)
            {
                throw HubException.Conflict($"the field of application {applicationId} already has {taken} selected of {slots} slot(s).");
            }
        });

    public Task<Application> RejectAsync(HubUser actor, long applicationId, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw HubException.Invalid("reason: a rejection needs a reason the applicant can read.");
        }

        return TransitionAsync(actor, applicationId, ApplicationStates.UnderReview, ApplicationStates.Rejected, reason.Trim(), (_, _, _) => OperatorOnly(actor, "reject applications"));
    }

    private static Task OperatorOnly(HubUser actor, string what) =>
        actor.IsOperator ? Task.CompletedTask : throw HubException.Forbidden($"only operators {what}; you are signed in as {actor.Role}.");

    private async Task<Application> TransitionAsync(HubUser actor, long applicationId, string from, string to, string? reason, Func<DbConnection, DbTransaction, Application, Task> check)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var app = await LoadApplicationAsync(conn, tx, applicationId).ConfigureAwait(false) ?? throw HubException.NotFound($"application {applicationId} does not exist.");
            if (!CanSee(actor, app))
            {
                throw HubException.Forbidden($"application {applicationId} belongs to a consortium your organisation is not part of.");
            }

            if (from == ApplicationStates.Draft ? actor.Role != HubRoles.Provider : !actor.IsOperator)
            {
                throw HubException.Forbidden(from == ApplicationStates.Draft
                    ? "only provider members of the consortium submit an application."
                    : $"only operators move applications to {to}; you are signed in as {actor.Role}.");
            }

            if (app.State != from)
            {
                throw HubException.Conflict($"application {applicationId} is {app.State}; it must be {from} to become {to}.");
            }

            await check(conn, tx, app).ConfigureAwait(false);
            await conn.ExecuteAsync("UPDATE applications SET state = @to, reason = @reason, updated_at = @now WHERE id = @applicationId", new { to, reason, now, applicationId }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "application." + to, $"application:{applicationId}", new { from, to, reason }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return (await GetApplicationAsync(actor, applicationId).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The 2024 call's consortium rules: at least two organisations excluding demand organisations; an organisation
    /// applies (as lead or participant) to at most two fields and leads at most one; no organisation twice in one field.
    /// </summary>
    private static async Task CheckConsortiumRulesAsync(DbConnection conn, DbTransaction tx, Application app)
    {
        var performers = app.Members.Where(m => m.Role != MemberRoles.Demand).ToList();
        if (performers.Count < 2)
        {
            throw HubException.Invalid(
                $"consortium rule: at least 2 organisations excluding demand organisations (수요기관 제외 2개 이상) must perform the project; this consortium has {performers.Count}.");
        }

        foreach (var m in performers)
        {
            var others = (await conn.QueryAsync<(long Id, long FieldId, string Role)>(
                @"SELECT a.id, a.field_id, m.role FROM applications a JOIN application_members m ON m.application_id = a.id
                  WHERE a.call_id = @CallId AND m.organisation_id = @OrganisationId AND a.id <> @Id AND m.role <> 'demand' AND a.state IN ('submitted','under_review','selected')",
                new { app.CallId, m.OrganisationId, app.Id }, tx).ConfigureAwait(false)).AsList();
            var orgName = await conn.ExecuteScalarAsync<string>("SELECT name FROM organisations WHERE id = @OrganisationId", new { m.OrganisationId }, tx).ConfigureAwait(false);
            var sameField = others.FirstOrDefault(o => o.FieldId == app.FieldId);
            if (sameField != default)
            {
                throw HubException.Invalid(
                    $"consortium rule: '{orgName}' already applies to this field in application {sameField.Id}; an organisation may not apply twice within one field (동일 분야 중복지원 불가).");
            }

            var fields = others.Select(o => o.FieldId).Append(app.FieldId).Distinct().Count();
            if (fields > 2)
            {
                throw HubException.Invalid(
                    $"consortium rule: '{orgName}' would apply to {fields} fields (applications {string.Join(", ", others.Select(o => o.Id))}); the limit is 2 fields (최대 2개 분야).");
            }

            if (m.Role == MemberRoles.Lead)
            {
                var led = others.FirstOrDefault(o => o.Role == MemberRoles.Lead);
                if (led != default)
                {
                    throw HubException.Invalid(
                        $"consortium rule: '{orgName}' already leads application {led.Id}; an organisation may lead at most 1 field (주관기관 자격 최대 1개).");
                }
            }
        }
    }

    private static bool CanSee(HubUser actor, Application app) =>
        actor.IsOperator || (actor.Role == HubRoles.Provider && app.Members.Any(m => m.OrganisationId == actor.OrganisationId));

    private static async Task<Application?> LoadApplicationAsync(DbConnection conn, DbTransaction? tx, long id)
    {
        var app = await conn.QueryFirstOrDefaultAsync<Application>("SELECT * FROM applications WHERE id = @id", new { id }, tx).ConfigureAwait(false);
        if (app is null)
        {
            return null;
        }

        app.Members = (await conn.QueryAsync<ApplicationMember>("SELECT * FROM application_members WHERE application_id = @id ORDER BY organisation_id", new { id }, tx).ConfigureAwait(false)).AsList();
        app.Documents = (await conn.QueryAsync<ApplicationDocument>("SELECT * FROM application_documents WHERE application_id = @id ORDER BY kind", new { id }, tx).ConfigureAwait(false)).AsList();
        return app;
    }

    private static void RequireOperator(HubUser actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators {what}; you are signed in as {actor.Role}.");
        }
    }
}
