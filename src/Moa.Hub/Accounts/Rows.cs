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

    /// <summary>The owner's email (filled in operator listings).</summary>
    public string? Email { get; set; }
}

/// <summary>A stored sign-in session (no secret): the cookie holds a random secret whose SHA-256 is <see cref="SessionRow"/>'s key.</summary>
public sealed class SessionRow
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string RemoteAddress { get; set; } = "";

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }

    /// <summary>The owner's email (filled in operator listings).</summary>
    public string? Email { get; set; }
}

/// <summary>A resolved credential: the user as the database has it now, and for API tokens the token's scopes and expiry.</summary>
public sealed record Credential(HubUser User, long CredentialId, IReadOnlyList<string>? Scopes, DateTimeOffset ExpiresAt);

/// <summary>The most a token created with another token may carry: the creating token's scopes and expiry.</summary>
public sealed record TokenCeiling(IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

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

/// <summary>
/// Users, password sign-in with persistent failed-login throttling, server-side sessions, personal API tokens, and the
/// operator's account administration. Sessions and tokens are checked against the database on every request through a
/// short-lived in-process cache that every revocation, disable, role or password change clears for the user at once.
/// </summary>
/// <summary>A TOTP enrolment as shown once: the base32 secret and the otpauth URI for authenticator apps.</summary>
public sealed record TotpEnrolment(string Secret, string OtpauthUri);

/// <summary>An account as operators list it.</summary>
public sealed record UserSummary(long Id, string Email, string DisplayName, string Role, long? OrganisationId, bool Disabled);

/// <summary>A stored user row.</summary>
public sealed class UserRow
{
    public long Id { get; set; }

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string Role { get; set; } = "";

    public long? OrganisationId { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>When an operator disabled the account (null while it may sign in).</summary>
    public long? DisabledAt { get; set; }

    public long? PasswordChangedAt { get; set; }

    /// <summary>The TOTP secret (base32) while enrolling or enrolled, or null.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>When the second factor was confirmed with a code; from then on sign-in needs a code.</summary>
    public long? TotpConfirmedAt { get; set; }

    /// <summary>The last accepted TOTP time step (a code of that step or earlier is a replay).</summary>
    public long? TotpLastStep { get; set; }

    public HubUser ToUser() => new(Id, Email, DisplayName, Role, OrganisationId);
}
