using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Accounts;

public sealed class AccountService(HubDatabase db, TimeProvider time, HubOptions options)
{
    /// <summary>How long a resolved session or token is reused before the database is asked again (revocations in this process clear it at once).</summary>
    internal static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (Credential Credential, long ValidUntilTicks)> _cache = new(StringComparer.Ordinal);

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Creates a user; the email is the sign-in name (stored lower-case).</summary>
    public async Task<HubUser> CreateUserAsync(HubUser? actor, string email, string displayName, string role, string password, long? organisationId)
    {
        email = NormaliseEmail(email);
        role = HubRoles.Validate(role);
        PasswordHasher.CheckStrength(password, email);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw HubException.Invalid("displayName: a name is required.");
        }

        if (role != HubRoles.Operator && organisationId is null)
        {
            throw HubException.Invalid($"organisationId: a {role} member must belong to an organisation.");
        }

        var hash = PasswordHasher.Hash(password);
        var now = NowMs;
        return await db.WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE email = @email", new { email }, tx).ConfigureAwait(false) is not null)
            {
                throw HubException.Conflict($"email: a user with {email} already exists.");
            }

            await RequireOrganisationAsync(conn, tx, organisationId).ConfigureAwait(false);
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO users (email, display_name, password_hash, role, organisation_id, created_at) VALUES (@email, @displayName, @hash, @role, @organisationId, @now) RETURNING id",
                new { email, displayName, hash, role, organisationId, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor?.AuditName ?? "system", "user.created", $"user:{id}", new { email, role, organisationId }).ConfigureAwait(false);
            return new HubUser(id, email, displayName.Trim(), role, organisationId);
        }).ConfigureAwait(false);
    }

    private static async Task RequireOrganisationAsync(DbConnection conn, DbTransaction tx, long? organisationId)
    {
        if (organisationId is not null
            && await conn.ExecuteScalarAsync<long?>("SELECT id FROM organisations WHERE id = @organisationId", new { organisationId }, tx).ConfigureAwait(false) is null)
        {
            throw HubException.Invalid($"organisationId: organisation {organisationId} does not exist.");
        }
    }

    /// <summary>On first start, creates the operator account when no operator exists; returns the generated password when one was made up.</summary>
    public async Task<(bool Created, string? GeneratedPassword)> EnsureOperatorAsync(string email, string? password)
    {
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var any = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE role = @role", new { role = HubRoles.Operator }).ConfigureAwait(false);
            if (any > 0)
            {
                return (false, null);
            }
        }

        var generated = string.IsNullOrEmpty(password) ? PasswordHasher.Generate() : null;
        await CreateUserAsync(null, email, "Operator", HubRoles.Operator, generated ?? password!, null).ConfigureAwait(false);
        return (true, generated);
    }

    public async Task<HubUser?> FindAsync(long id)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var row = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE id = @id", new { id }).ConfigureAwait(false);
        return row?.ToUser();
    }

    /// <summary>Every account with its state (operators' user list).</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<UserRow>("SELECT * FROM users ORDER BY id").ConfigureAwait(false))
            .Select(r => new UserSummary(r.Id, r.Email, r.DisplayName, r.Role, r.OrganisationId, r.DisabledAt is not null)).ToList();
    }

    /// <summary>
    /// Checks an email and password. Refuses with 429 after too many failures for the account or the address within the
    /// window; failures are counted in the database (they survive restarts and are not reset by a successful sign-in)
    /// and audited (never the password). A disabled account is refused after a correct password, with 403.
    /// </summary>
    public async Task<HubUser> SignInAsync(string email, string password, string remoteAddress, string? code = null)
    {
        email = NormaliseEmail(email, validate: false);
        var now = time.GetUtcNow();
        var cutoff = (now - options.LoginWindow).ToUnixTimeMilliseconds();
        var userKey = "u:" + email;
        var addressKey = "a:" + remoteAddress;
        UserRow? row;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var byUser = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM login_failures WHERE throttle_key = @userKey AND at > @cutoff", new { userKey, cutoff }).ConfigureAwait(false);
            var byAddress = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM login_failures WHERE throttle_key = @addressKey AND at > @cutoff", new { addressKey, cutoff }).ConfigureAwait(false);
            if (byUser >= options.MaxFailedLogins || byAddress >= options.MaxFailedLoginsPerAddress)
            {
                throw new HubException(HubErrorKind.TooManyRequests,
                    $"too many failed sign-ins for this {(byUser >= options.MaxFailedLogins ? "account" : "address")}; wait {options.LoginWindow.TotalMinutes:0} minutes and try again.");
            }

            row = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE email = @email", new { email }).ConfigureAwait(false);
        }

        // Hash even for unknown users so timing does not reveal which emails exist.
        var ok = row is not null ? PasswordHasher.Verify(password ?? "", row.PasswordHash) : PasswordHasher.Verify(password ?? "", s_dummyHash);
        if (!ok || row is null)
        {
            var at = now.ToUnixTimeMilliseconds();
            await db.WriteAsync(async (conn, tx) =>
            {
                await conn.ExecuteAsync("INSERT INTO login_failures (throttle_key, at) VALUES (@userKey, @at), (@addressKey, @at)", new { userKey, addressKey, at }, tx).ConfigureAwait(false);
                await conn.ExecuteAsync("DELETE FROM login_failures WHERE at < @old", new { old = at - (4 * (long)options.LoginWindow.TotalMilliseconds) }, tx).ConfigureAwait(false);
                return await AuditLog.AppendAsync(conn, tx, at, "anonymous", "signin.failed", $"email:{email}", new { remoteAddress }).ConfigureAwait(false);
            }).ConfigureAwait(false);
            throw new HubException(HubErrorKind.Unauthenticated, "sign-in failed: the email or password is wrong.");
        }

        if (row.DisabledAt is not null)
        {
            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), row.ToUser().AuditName, "signin.refused", $"user:{row.Id}", new { reason = "account disabled", remoteAddress })).ConfigureAwait(false);
            throw HubException.Forbidden("account disabled: an operator disabled this account; ask the agency to enable it.");
        }

        if (row.TotpConfirmedAt is not null && row.TotpSecret is not null)
        {
            await CheckSecondFactorAsync(row, code, remoteAddress, userKey, addressKey).ConfigureAwait(false);
        }

        return row.ToUser();
    }

    /// <summary>
    /// The second factor of an enrolled account: a code of the current time step or one either side, never one already
    /// used (each accepted step is stored, so a replayed or older code is refused). A wrong code counts as a failed sign-in.
    /// </summary>
    private async Task CheckSecondFactorAsync(UserRow row, string? code, string remoteAddress, string userKey, string addressKey)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new HubException(HubErrorKind.Unauthenticated, "second factor required: enter the 6-digit code from your authenticator app (field 'code').");
        }

        var now = time.GetUtcNow();
        var at = now.ToUnixTimeMilliseconds();
        var step = Totp.Match(Totp.FromBase32(row.TotpSecret!), code.Trim(), now);
        if (step is null)
        {
            await db.WriteAsync(async (conn, tx) =>
            {
                await conn.ExecuteAsync("INSERT INTO login_failures (throttle_key, at) VALUES (@userKey, @at), (@addressKey, @at)", new { userKey, addressKey, at }, tx).ConfigureAwait(false);
                return await AuditLog.AppendAsync(conn, tx, at, "anonymous", "signin.failed", $"email:{row.Email}", new { reason = "second-factor code wrong", remoteAddress }).ConfigureAwait(false);
            }).ConfigureAwait(false);
            throw new HubException(HubErrorKind.Unauthenticated, "sign-in failed: the second-factor code is wrong or expired.");
        }

        var fresh = await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync("UPDATE users SET totp_last_step = @step WHERE id = @Id AND (totp_last_step IS NULL OR totp_last_step < @step)", new { step, row.Id }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                await AuditLog.AppendAsync(conn, tx, at, row.ToUser().AuditName, "signin.refused", $"user:{row.Id}", new { reason = "second-factor code replayed", remoteAddress }).ConfigureAwait(false);
            }

            return n;
        }).ConfigureAwait(false);
        if (fresh == 0)
        {
            throw new HubException(HubErrorKind.Unauthenticated, "sign-in failed: this second-factor code was already used; wait for the next code.");
        }
    }

    // ---- second factor (TOTP) ----

    /// <summary>
    /// Starts (or restarts) enrolment in the TOTP second factor: a new secret, shown once as an otpauth URI and in base32.
    /// Sign-in asks for codes only after <see cref="ConfirmTotpAsync"/>. For operators (the agency's accounts).
    /// </summary>
    public async Task<TotpEnrolment> EnrolTotpAsync(HubUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        RequireOperator(user, "enrol in the second factor (it is offered to the agency's accounts)");
        var secret = Totp.NewSecret();
        var base32 = Totp.Base32(secret);
        var now = NowMs;
        await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync("UPDATE users SET totp_secret = @base32, totp_last_step = NULL WHERE id = @Id AND totp_confirmed_at IS NULL", new { base32, user.Id }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                throw HubException.Conflict("second factor already enrolled: ask another operator to reset it before enrolling again.");
            }

            return await AuditLog.AppendAsync(conn, tx, now, user.AuditName, "user.totp_enrolment_started", $"user:{user.Id}").ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new TotpEnrolment(base32, Totp.Uri("Moa hub", user.Email, secret));
    }

    /// <summary>Confirms enrolment with a current code; from then on sign-in needs a code.</summary>
    public async Task ConfirmTotpAsync(HubUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        RequireOperator(user, "enrol in the second factor (it is offered to the agency's accounts)");
        if (code is null || code.Trim().Length != Totp.Digits || !code.Trim().All(char.IsAsciiDigit))
        {
            throw HubException.Invalid($"code: give the {Totp.Digits}-digit code your authenticator app shows.");
        }

        var now = time.GetUtcNow();
        await db.WriteAsync(async (conn, tx) =>
        {
            var row = await conn.QueryFirstAsync<UserRow>("SELECT * FROM users WHERE id = @Id", new { user.Id }, tx).ConfigureAwait(false);
            if (row.TotpConfirmedAt is not null)
            {
                throw HubException.Conflict("second factor already confirmed.");
            }

            if (row.TotpSecret is null)
            {
                throw HubException.Conflict("no enrolment in progress: start one with POST /api/me/totp.");
            }

            var step = Totp.Match(Totp.FromBase32(row.TotpSecret), code.Trim(), now)
                ?? throw HubException.Invalid("code: the code does not match; check the device's clock and enter the code shown now.");
            await conn.ExecuteAsync("UPDATE users SET totp_confirmed_at = @at, totp_last_step = @step WHERE id = @Id", new { at = now.ToUnixTimeMilliseconds(), step, user.Id }, tx).ConfigureAwait(false);
            return await AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), user.AuditName, "user.totp_enrolled", $"user:{user.Id}").ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>An operator removes a user's second factor (a lost device); the user signs in with the password and may enrol again.</summary>
    public async Task ResetTotpAsync(HubUser actor, long userId)
    {
        RequireOperator(actor, "reset second factors");
        var now = NowMs;
        await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync("UPDATE users SET totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL WHERE id = @userId", new { userId }, tx).ConfigureAwait(false);
            return n == 0
                ? throw HubException.NotFound($"user {userId} does not exist.")
                : await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "user.totp_reset", $"user:{userId}").ConfigureAwait(false);
        }).ConfigureAwait(false);
        Forget(userId);
    }

    private static readonly string s_dummyHash = PasswordHasher.Hash("not-a-real-password-0000");

    // ---- sessions ----

    /// <summary>Starts a server-side session after a sign-in; returns the secret for the cookie (only its SHA-256 is stored).</summary>
    public async Task<(long Id, string Secret)> CreateSessionAsync(HubUser user, string remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = NewSecret("s_");
        var now = NowMs;
        var expires = now + (long)options.SessionLifetime.TotalMilliseconds;
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO sessions (user_id, secret_hash, remote_address, created_at, expires_at) VALUES (@userId, @hash, @remoteAddress, @now, @expires) RETURNING id",
                new { userId = user.Id, hash = HashToken(secret), remoteAddress, now, expires }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, user.AuditName, "session.started", $"session:{id}", new { remoteAddress }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return (id, secret);
    }

    /// <summary>Resolves a session secret to its user as the database has it now; null when unknown, expired, revoked or the account is disabled.</summary>
    public Task<Credential?> AuthenticateSessionAsync(string? secret) =>
        ResolveAsync(secret, "s_", "SELECT id, user_id, expires_at, revoked_at, NULL AS scopes FROM sessions WHERE secret_hash = @hash");

    /// <summary>Ends the session with this secret (sign-out); unknown secrets are ignored.</summary>
    public async Task EndSessionAsync(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        var hash = HashToken(secret);
        var now = NowMs;
        var userId = await db.WriteAsync(async (conn, tx) =>
        {
            var row = await conn.QueryFirstOrDefaultAsync<SessionRow>("SELECT id, user_id FROM sessions WHERE secret_hash = @hash AND revoked_at IS NULL", new { hash }, tx).ConfigureAwait(false);
            if (row is null)
            {
                return (long?)null;
            }

            await conn.ExecuteAsync("UPDATE sessions SET revoked_at = @now WHERE id = @Id", new { now, row.Id }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, $"user:{row.UserId}", "session.ended", $"session:{row.Id}").ConfigureAwait(false);
            return row.UserId;
        }).ConfigureAwait(false);
        if (userId is not null)
        {
            Forget(userId.Value);
        }
    }

    /// <summary>Sessions of <paramref name="actor"/>, or of everyone when an operator asks for <paramref name="all"/>.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListSessionsAsync(HubUser actor, bool all)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (all)
        {
            RequireOperator(actor, "list everyone's sessions");
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<SessionRow>(
            "SELECT s.id, s.user_id, s.remote_address, s.created_at, s.expires_at, s.revoked_at, u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE (@all OR s.user_id = @id) AND s.revoked_at IS NULL AND s.expires_at > @now ORDER BY s.id",
            new { all, id = actor.Id, now = NowMs }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Ends one session: its owner or an operator.</summary>
    public Task RevokeSessionAsync(HubUser actor, long sessionId) =>
        RevokeAsync(actor, "sessions", "session", sessionId);

    // ---- tokens ----

    /// <summary>Validates <c>expiresInDays</c> of a token request (1 to 366; 30 when absent).</summary>
    public static TimeSpan TokenLifetime(int? expiresInDays) =>
        expiresInDays switch
        {
            null => TimeSpan.FromDays(30),
            >= 1 and <= 366 => TimeSpan.FromDays(expiresInDays.Value),
            _ => throw HubException.Invalid($"expiresInDays: {expiresInDays} is out of range; a token lives between 1 and 366 days."),
        };

    /// <summary>
    /// Issues a personal API token: <c>moa_</c> + 32 random bytes (base64url); only its SHA-256 is stored. A token
    /// created with another token (<paramref name="ceiling"/>) holds no scope and no day beyond the creating token's.
    /// </summary>
    public async Task<IssuedToken> IssueTokenAsync(HubUser user, string name, IReadOnlyList<string> scopes, TimeSpan lifetime, TokenCeiling? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scopes);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw HubException.Invalid("name: give the token a name (e.g. the machine or script using it).");
        }

        if (name.Length > 200)
        {
            throw HubException.Invalid("name: at most 200 characters.");
        }

        if (scopes.Count == 0)
        {
            throw HubException.Invalid($"scopes: at least one scope is required ({string.Join(", ", TokenScopes.All)}).");
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            if (scopes[i] is null || !TokenScopes.All.Contains(scopes[i]))
            {
                throw HubException.Invalid($"scopes[{i}]: '{scopes[i]}' is not a scope; use {string.Join(", ", TokenScopes.All)}.");
            }
        }

        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366))
        {
            throw HubException.Invalid("expiresInDays: a token lives between 1 and 366 days.");
        }

        var now = time.GetUtcNow();
        var expires = now + lifetime;
        if (ceiling is not null)
        {
            var extra = scopes.Where(s => !ceiling.Scopes.Contains(s)).Distinct().ToList();
            if (extra.Count > 0)
            {
                throw HubException.Forbidden($"scopes: the token you are using holds {string.Join(", ", ceiling.Scopes)}; a token it creates cannot add {string.Join(", ", extra)}. Sign in with your password to create broader tokens.");
            }

            if (expires > ceiling.ExpiresAt)
            {
                var left = Math.Max(0, (int)Math.Floor((ceiling.ExpiresAt - now).TotalDays));
                throw HubException.Forbidden($"expiresInDays: the token you are using expires on {ceiling.ExpiresAt:yyyy-MM-dd HH:mm} UTC; a token it creates cannot outlive it (at most {left} day(s)).");
            }
        }

        var token = NewSecret("moa_");
        var prefix = token[..10];
        var scopeText = string.Join(' ', scopes.Distinct(StringComparer.Ordinal));
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes, created_at, expires_at) VALUES (@userId, @name, @hash, @prefix, @scopeText, @now, @expires) RETURNING id",
                new { userId = user.Id, name, hash = HashToken(token), prefix, scopeText, now = now.ToUnixTimeMilliseconds(), expires = expires.ToUnixTimeMilliseconds() }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), user.AuditName, "token.issued", $"token:{id}", new { name, prefix, scopes = scopeText, expiresAt = expires, viaToken = ceiling is not null }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return new IssuedToken(id, token, prefix, scopeText.Split(' '), expires);
    }

    /// <summary>Resolves a bearer token to its user (as the database has it now) and scopes; null when unknown, expired, revoked or the account is disabled.</summary>
    public Task<Credential?> AuthenticateTokenAsync(string? token) =>
        ResolveAsync(token, "moa_", "SELECT id, user_id, expires_at, revoked_at, scopes FROM api_tokens WHERE token_hash = @hash");

    /// <summary>Tokens of <paramref name="actor"/>, or of everyone when an operator asks for <paramref name="all"/>.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListTokensAsync(HubUser actor, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (all)
        {
            RequireOperator(actor, "list everyone's tokens");
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<ApiTokenRow>(
            "SELECT t.id, t.user_id, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.revoked_at, u.email FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE (@all OR t.user_id = @id) ORDER BY t.id",
            new { all, id = actor.Id }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Revokes one token: its owner or an operator.</summary>
    public Task RevokeTokenAsync(HubUser actor, long tokenId) => RevokeAsync(actor, "api_tokens", "token", tokenId);

    private async Task RevokeAsync(HubUser actor, string table, string what, long id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = NowMs;
        var owner = await db.WriteAsync(async (conn, tx) =>
        {
            var owner = await conn.ExecuteScalarAsync<long?>($"SELECT user_id FROM {table} WHERE id = @id AND revoked_at IS NULL", new { id }, tx).ConfigureAwait(false);
            if (owner is null || (owner != actor.Id && !actor.IsOperator))
            {
                throw HubException.NotFound($"{what} {id}: no active {what} with that id belongs to you.");
            }

            await conn.ExecuteAsync($"UPDATE {table} SET revoked_at = @now WHERE id = @id", new { now, id }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, what + ".revoked", $"{what}:{id}", new { owner }).ConfigureAwait(false);
            return owner.Value;
        }).ConfigureAwait(false);
        Forget(owner);
    }

    // ---- account administration ----

    /// <summary>Changes the actor's own password after checking the current one; ends every other session of the account.</summary>
    public async Task ChangePasswordAsync(HubUser actor, string currentPassword, string newPassword, long? keepSessionId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var stored = await conn.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { actor.Id }).ConfigureAwait(false) ?? "";
            if (!PasswordHasher.Verify(currentPassword ?? "", stored))
            {
                throw HubException.Forbidden("currentPassword: the current password is wrong.");
            }
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            throw HubException.Invalid("newPassword: choose a password different from the current one.");
        }

        await SetPasswordAsync(actor, actor.Id, newPassword, keepSessionId, "user.password_changed").ConfigureAwait(false);
    }

    /// <summary>An operator sets a new password for an account; every session of that account ends.</summary>
    public Task ResetPasswordAsync(HubUser actor, long userId, string newPassword)
    {
        RequireOperator(actor, "reset passwords");
        return SetPasswordAsync(actor, userId, newPassword, null, "user.password_reset");
    }

    private async Task SetPasswordAsync(HubUser actor, long userId, string newPassword, long? keepSessionId, string action)
    {
        var target = await FindAsync(userId).ConfigureAwait(false) ?? throw HubException.NotFound($"user {userId} does not exist.");
        PasswordHasher.CheckStrength(newPassword, target.Email);
        var hash = PasswordHasher.Hash(newPassword);
        var now = NowMs;
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("UPDATE users SET password_hash = @hash, password_changed_at = @now WHERE id = @userId", new { hash, now, userId }, tx).ConfigureAwait(false);
            var ended = await conn.ExecuteAsync("UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL AND id <> @keep", new { now, userId, keep = keepSessionId ?? -1 }, tx).ConfigureAwait(false);
            return await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, action, $"user:{userId}", new { sessionsEnded = ended }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Forget(userId);
    }

    /// <summary>An operator disables or enables an account; a disabled account's sessions and tokens stop working at once.</summary>
    public async Task<UserSummary> SetDisabledAsync(HubUser actor, long userId, bool disabled)
    {
        RequireOperator(actor, "disable or enable accounts");
        if (userId == actor.Id && disabled)
        {
            throw HubException.Conflict("you cannot disable your own account; ask another operator.");
        }

        var now = NowMs;
        await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync(disabled
                ? "UPDATE users SET disabled_at = @now WHERE id = @userId AND disabled_at IS NULL"
                : "UPDATE users SET disabled_at = NULL WHERE id = @userId AND disabled_at IS NOT NULL", new { now, userId }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                _ = await conn.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE id = @userId", new { userId }, tx).ConfigureAwait(false)
                    ?? throw HubException.NotFound($"user {userId} does not exist.");
                return 0;
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, disabled ? "user.disabled" : "user.enabled", $"user:{userId}").ConfigureAwait(false);
            return n;
        }).ConfigureAwait(false);
        Forget(userId);
        return (await ListAsync().ConfigureAwait(false)).First(u => u.Id == userId);
    }

    /// <summary>An operator changes an account's role (and organisation); takes effect on the account's next request.</summary>
    public async Task<UserSummary> ChangeRoleAsync(HubUser actor, long userId, string role, long? organisationId)
    {
        RequireOperator(actor, "change roles");
        role = HubRoles.Validate(role);
        if (role != HubRoles.Operator && organisationId is null)
        {
            throw HubException.Invalid($"organisationId: a {role} member must belong to an organisation.");
        }

        if (userId == actor.Id && role != HubRoles.Operator)
        {
            throw HubException.Conflict("you cannot remove your own operator role; ask another operator.");
        }

        var now = NowMs;
        await db.WriteAsync(async (conn, tx) =>
        {
            await RequireOrganisationAsync(conn, tx, organisationId).ConfigureAwait(false);
            var n = await conn.ExecuteAsync("UPDATE users SET role = @role, organisation_id = @organisationId WHERE id = @userId", new { role, organisationId = role == HubRoles.Operator ? null : organisationId, userId }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                throw HubException.NotFound($"user {userId} does not exist.");
            }

            return await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "user.role_changed", $"user:{userId}", new { role, organisationId }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Forget(userId);
        return (await ListAsync().ConfigureAwait(false)).First(u => u.Id == userId);
    }

    // ---- shared ----

    private async Task<Credential?> ResolveAsync(string? secret, string prefix, string sql)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = HashToken(secret);
        var now = time.GetUtcNow();
        var key = prefix + hash;
        if (_cache.TryGetValue(key, out var hit) && hit.ValidUntilTicks > Environment.TickCount64)
        {
            return hit.Credential.ExpiresAt > now ? hit.Credential : null;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var row = await conn.QueryFirstOrDefaultAsync<(long Id, long UserId, long ExpiresAt, long? RevokedAt, string? Scopes)>(sql, new { hash }).ConfigureAwait(false);
        if (row == default || row.RevokedAt is not null || row.ExpiresAt <= now.ToUnixTimeMilliseconds())
        {
            _cache.TryRemove(key, out _);
            return null;
        }

        var user = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE id = @UserId", new { row.UserId }).ConfigureAwait(false);
        if (user is null || user.DisabledAt is not null)
        {
            _cache.TryRemove(key, out _);
            return null;
        }

        var credential = new Credential(user.ToUser(), row.Id, row.Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt));
        if (_cache.Count > 100_000)
        {
            _cache.Clear();
        }

        _cache[key] = (credential, Environment.TickCount64 + (long)CacheLifetime.TotalMilliseconds);
        return credential;
    }

    /// <summary>Drops every cached session and token of a user, so the next request asks the database.</summary>
    private void Forget(long userId)
    {
        foreach (var (key, value) in _cache)
        {
            if (value.Credential.User.Id == userId)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private static void RequireOperator(HubUser actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators {what}; you are signed in as {actor.Role}.");
        }
    }

    private static string NewSecret(string prefix)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        return prefix + Convert.ToBase64String(secret).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NormaliseEmail(string? email, bool validate = true)
    {
        var e = (email ?? "").Trim().ToLowerInvariant();
        if (validate && (e.Length < 3 || e.Length > 254 || e.IndexOf('@', StringComparison.Ordinal) <= 0 || e.EndsWith('@')))
        {
            throw HubException.Invalid($"email: '{email}' is not an email address.");
        }

        return e;
    }
}
