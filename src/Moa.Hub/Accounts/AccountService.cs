using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Accounts;

/// <summary>An issued API token: the secret is shown once, only its SHA-256 is stored.</summary>
public sealed record IssuedToken(long Id, string Token, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

/// <summary>A stored API token (no secret).</summary>
public sealed class ApiTokenRow
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string Scopes { get; set; } = "";

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }
}

/// <summary>Scopes an API token can carry.</summary>
public static class TokenScopes
{
    /// <summary>Read catalogue, programme and agreement data the user may see.</summary>
    public const string Read = "read";

    /// <summary>Create and change applications, agreements, datasets (as the role allows).</summary>
    public const string Write = "write";

    /// <summary>Request download links and download files.</summary>
    public const string Download = "download";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Download];
}

/// <summary>Users, password sign-in with failed-login limiting, and personal API tokens.</summary>
public sealed class AccountService(HubDatabase db, TimeProvider time, HubOptions options)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _failures = new(StringComparer.Ordinal);

    /// <summary>Creates a user; the email is the sign-in name (stored lower-case).</summary>
    public async Task<HubUser> CreateUserAsync(HubUser? actor, string email, string displayName, string role, string password, long? organisationId)
    {
        email = NormaliseEmail(email);
        role = HubRoles.Validate(role);
        PasswordHasher.CheckStrength(password);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw HubException.Invalid("displayName: a name is required.");
        }

        if (role != HubRoles.Operator && organisationId is null)
        {
            throw HubException.Invalid($"organisationId: a {role} member must belong to an organisation.");
        }

        var hash = PasswordHasher.Hash(password);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE email = @email", new { email }, tx).ConfigureAwait(false) is not null)
            {
                throw HubException.Conflict($"email: a user with {email} already exists.");
            }

            if (organisationId is not null
                && await conn.ExecuteScalarAsync<long?>("SELECT id FROM organisations WHERE id = @organisationId", new { organisationId }, tx).ConfigureAwait(false) is null)
            {
                throw HubException.Invalid($"organisationId: organisation {organisationId} does not exist.");
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO users (email, display_name, password_hash, role, organisation_id, created_at) VALUES (@email, @displayName, @hash, @role, @organisationId, @now) RETURNING id",
                new { email, displayName, hash, role, organisationId, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor?.AuditName ?? "system", "user.created", $"user:{id}", new { email, role, organisationId }).ConfigureAwait(false);
            return new HubUser(id, email, displayName.Trim(), role, organisationId);
        }).ConfigureAwait(false);
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

    public async Task<IReadOnlyList<HubUser>> ListAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<UserRow>("SELECT * FROM users ORDER BY id").ConfigureAwait(false)).Select(r => r.ToUser()).ToList();
    }

    /// <summary>
    /// Checks an email and password. Refuses with 429 after too many failures for the account or the address
    /// within the window; failures and lock-outs are audited (never the password).
    /// </summary>
    public async Task<HubUser> SignInAsync(string email, string password, string remoteAddress)
    {
        email = NormaliseEmail(email, validate: false);
        var now = time.GetUtcNow();
        var keys = new[] { "u:" + email, "a:" + remoteAddress };
        foreach (var key in keys)
        {
            if (RecentFailures(key, now) >= (key[0] == 'u' ? options.MaxFailedLogins : options.MaxFailedLoginsPerAddress))
            {
                throw new HubException(HubErrorKind.TooManyRequests,
                    $"too many failed sign-ins for this account or address; wait {options.LoginWindow.TotalMinutes:0} minutes and try again.");
            }
        }

        UserRow? row;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            row = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE email = @email", new { email }).ConfigureAwait(false);
        }

        // Hash even for unknown users so timing does not reveal which emails exist.
        var ok = row is not null ? PasswordHasher.Verify(password ?? "", row.PasswordHash) : PasswordHasher.Verify(password ?? "", s_dummyHash);
        if (!ok || row is null)
        {
            foreach (var key in keys)
            {
                RecordFailure(key, now);
            }

            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), "anonymous", "signin.failed", $"email:{email}", new { remoteAddress })).ConfigureAwait(false);
            throw new HubException(HubErrorKind.Unauthenticated, "sign-in failed: the email or password is wrong.");
        }

        foreach (var key in keys)
        {
            _failures.TryRemove(key, out _);
        }

        return row.ToUser();
    }

    private static readonly string s_dummyHash = PasswordHasher.Hash("not-a-real-password-0000");

    private int RecentFailures(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var q))
        {
            return 0;
        }

        lock (q)
        {
            var cutoff = (now - options.LoginWindow).ToUnixTimeMilliseconds();
            while (q.Count > 0 && q.Peek() < cutoff)
            {
                q.Dequeue();
            }

            return q.Count;
        }
    }

    private void RecordFailure(string key, DateTimeOffset now)
    {
        if (_failures.Count > 50_000)
        {
            // Bound memory under a spray of made-up accounts: forget keys with no failure inside the window.
            foreach (var k in _failures.Keys)
            {
                if (RecentFailures(k, now) == 0)
                {
                    _failures.TryRemove(k, out _);
                }
            }
        }

        var q = _failures.GetOrAdd(key, _ => new Queue<long>());
        lock (q)
        {
            q.Enqueue(now.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Issues a personal API token: <c>moa_</c> + 32 random bytes (base64url); only its SHA-256 is stored.</summary>
    public async Task<IssuedToken> IssueTokenAsync(HubUser user, string name, IReadOnlyList<string> scopes, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scopes);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw HubException.Invalid("name: give the token a name (e.g. the machine or script using it).");
        }

        if (scopes.Count == 0)
        {
            throw HubException.Invalid($"scopes: at least one scope is required ({string.Join(", ", TokenScopes.All)}).");
        }

        foreach (var s in scopes)
        {
            if (!TokenScopes.All.Contains(s))
            {
                throw HubException.Invalid($"scopes: '{s}' is not a scope; use {string.Join(", ", TokenScopes.All)}.");
            }
        }

        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366))
        {
            throw HubException.Invalid("expiresInDays: a token lives between 1 and 366 days.");
        }

        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        var token = "moa_" + Convert.ToBase64String(secret).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var prefix = token[..10];
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var scopeText = string.Join(' ', scopes.Distinct(StringComparer.Ordinal));
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes, created_at, expires_at) VALUES (@userId, @name, @hash, @prefix, @scopeText, @now, @expires) RETURNING id",
                new { userId = user.Id, name, hash = HashToken(token), prefix, scopeText, now = now.ToUnixTimeMilliseconds(), expires = expires.ToUnixTimeMilliseconds() }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now.ToUnixTimeMilliseconds(), user.AuditName, "token.issued", $"token:{id}", new { name, prefix, scopes = scopeText, expiresAt = expires }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return new IssuedToken(id, token, prefix, scopeText.Split(' '), expires);
    }

    /// <summary>Resolves a bearer token to its user and scopes; null when unknown, expired or revoked.</summary>
    public async Task<(HubUser User, IReadOnlyList<string> Scopes)?> AuthenticateTokenAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith("moa_", StringComparison.Ordinal))
        {
            return null;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var tok = await conn.QueryFirstOrDefaultAsync<ApiTokenRow>("SELECT * FROM api_tokens WHERE token_hash = @hash", new { hash = HashToken(token) }).ConfigureAwait(false);
        if (tok is null || tok.RevokedAt is not null || tok.ExpiresAt <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return null;
        }

        var row = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE id = @id", new { id = tok.UserId }).ConfigureAwait(false);
        return row is null ? null : (row.ToUser(), tok.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListTokensAsync(HubUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<ApiTokenRow>("SELECT id, user_id, name, prefix, scopes, created_at, expires_at, revoked_at FROM api_tokens WHERE user_id = @id ORDER BY id", new { id = user.Id }).ConfigureAwait(false)).AsList();
    }

    public async Task RevokeTokenAsync(HubUser user, long tokenId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync("UPDATE api_tokens SET revoked_at = @now WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL", new { now, tokenId, userId = user.Id }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                throw HubException.NotFound($"token {tokenId}: no active token with that id belongs to you.");
            }

            await AuditLog.AppendAsync(conn, tx, now, user.AuditName, "token.revoked", $"token:{tokenId}").ConfigureAwait(false);
            return n;
        }).ConfigureAwait(false);
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
