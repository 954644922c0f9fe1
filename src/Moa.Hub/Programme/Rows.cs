using System.Text.Json.Serialization;

namespace Moa.Hub.Programme;

/// <summary>An institution: a data provider, a model team, a university, a demand organisation.</summary>
public sealed class Organisation
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Business registration number, digits only.</summary>
    public string Brn { get; set; } = "";

    /// <summary><c>company</c>, <c>university</c>, <c>public</c>, <c>team</c>.</summary>
    public string Kind { get; set; } = "";

    public long CreatedAt { get; set; }
}

/// <summary>A call for applications (공모), with fields (분야) that have budgets and slots.</summary>
public sealed class Call
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public int Year { get; set; }

    public long Deadline { get; set; }

    public long CreatedAt { get; set; }

    public List<CallField> Fields { get; set; } = [];
}

/// <summary>One field (분야) of a call.</summary>
public sealed class CallField
{
    public long Id { get; set; }

    public long CallId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public long BudgetKrw { get; set; }

    public int Slots { get; set; }
}

/// <summary>An application by a consortium to one field of a call.</summary>
public sealed class Application
{
    public long Id { get; set; }

    public long CallId { get; set; }

    public long FieldId { get; set; }

    public string Title { get; set; } = "";

    public string State { get; set; } = "";

    public string? Reason { get; set; }

    public long CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public List<ApplicationMember> Members { get; set; } = [];

    public List<ApplicationDocument> Documents { get; set; } = [];
}

/// <summary>An organisation in a consortium and its role: <c>lead</c> (주관), <c>participant</c> (참여) or <c>demand</c> (수요).</summary>
public sealed class ApplicationMember
{
    public long ApplicationId { get; set; }

    public long OrganisationId { get; set; }

    public string Role { get; set; } = "";

    /// <summary>When a member of the organisation accepted its role (null: not yet; the application cannot be submitted).</summary>
    public long? AcceptedAt { get; set; }

    public long? AcceptedBy { get; set; }
}

/// <summary>A stored, checked application document.</summary>
public sealed class ApplicationDocument
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public string Kind { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    [JsonIgnore]
    public string StoragePath { get; set; } = "";

    public long UploadedAt { get; set; }
}

/// <summary>Application states and member roles.</summary>
public static class ApplicationStates
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string UnderReview = "under_review";
    public const string Selected = "selected";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    /// <summary>States in which an application counts against the consortium limits.</summary>
    internal static readonly string[] Active = [Submitted, UnderReview, Selected];
}

/// <summary>Consortium roles.</summary>
public static class MemberRoles
{
    public const string Lead = "lead";
    public const string Participant = "participant";
    public const string Demand = "demand";

    public static IReadOnlyList<string> All { get; } = [Lead, Participant, Demand];
}

/// <summary>The documents every application needs.</summary>
public static class DocumentKinds
{
    public const string ApplicationForm = "application_form";
    public const string DataProvisionPlan = "data_provision_plan";
    public const string BusinessRegistration = "business_registration";

    public static IReadOnlyList<string> Required { get; } = [ApplicationForm, DataProvisionPlan, BusinessRegistration];
}
