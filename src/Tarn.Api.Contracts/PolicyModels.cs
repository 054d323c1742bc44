namespace Tarn.Api.Contracts;

/// <summary>A policy (schema <c>Policy</c>): body of <c>createPolicy</c>/<c>updatePolicy</c> and their answer.</summary>
public sealed record Policy
{
    public required string Id { get; init; }

    /// <summary>Unix seconds; ignored on input.</summary>
    public long? CreationDate { get; init; }

    public required IReadOnlyList<Statement> Statement { get; init; }
}

/// <summary>One statement of a policy (schema <c>Statement</c>).</summary>
public sealed record Statement
{
    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public required string Effect { get; init; }

    /// <summary>An ARN (pattern) or <c>*</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>Action patterns such as <c>fs:Read*</c>.</summary>
    public required IReadOnlyList<string> Action { get; init; }
}

/// <summary>Answer of <c>listPolicies</c>, <c>listUserPolicies</c> and <c>listGroupPolicies</c> (schema <c>PolicyList</c>).</summary>
public sealed record PolicyList(Pagination Pagination, IReadOnlyList<Policy> Results);
