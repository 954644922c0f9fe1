namespace Moa.Hub.Accounts;

/// <summary>The hub's roles: the agency's operators, members of a data provider, members of a model team; the public is anyone not signed in.</summary>
public static class HubRoles
{
    public const string Operator = "operator";
    public const string Provider = "provider";
    public const string Team = "team";

    /// <summary>Every role a user account can have.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Provider, Team];

    /// <summary>Throws unless <paramref name="role"/> is a known role.</summary>
    public static string Validate(string? role) =>
        role is not null && All.Contains(role)
            ? role
            : throw HubException.Invalid($"role '{role}' is not known; expected one of: {string.Join(", ", All)}.");
}

/// <summary>A signed-in person as the services see them.</summary>
public sealed record HubUser(long Id, string Email, string DisplayName, string Role, long? OrganisationId)
{
    /// <summary>How the user appears in the audit log.</summary>
    public string AuditName => $"user:{Id}:{Email}";

    public bool IsOperator => Role == HubRoles.Operator;
}

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
