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
