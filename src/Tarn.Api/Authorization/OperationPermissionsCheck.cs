using Microsoft.AspNetCore.Http;
using Tarn.Api.Hosting;

namespace Tarn.Api.Authorization;

/// <summary>
/// Proves at start-up that <see cref="OperationPermissions"/> and the routes agree: every routed operation
/// has a row, public rows are exactly the public operations, and no row names an operation that is not
/// routed. A mismatch stops the server instead of shipping an unguarded (or dead) entry.
/// </summary>
public static class OperationPermissionsCheck
{
    /// <summary>Every mismatch between the routed endpoints and the table; empty when they agree.</summary>
    public static IReadOnlyList<string> FindProblems(IEnumerable<Endpoint> endpoints, IReadOnlyDictionary<string, OperationPermission> table)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(table);
        var problems = new List<string>();
        var routed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in endpoints.Select(e => e.Metadata.GetMetadata<ApiOperation>()).OfType<ApiOperation>())
        {
            routed.Add(operation.OperationId);
            if (!table.TryGetValue(operation.OperationId, out var permission))
            {
                problems.Add($"{operation.OperationId}: routed but has no permission entry");
            }
            else if ((permission.Kind == PermissionKind.Public) != (operation.Access == ApiAccess.Public))
            {
                problems.Add($"{operation.OperationId}: the route says {operation.Access} but the permission entry says {permission.Kind}");
            }
            else if (permission.Kind == PermissionKind.Checked && permission.Rule is null)
            {
                problems.Add($"{operation.OperationId}: a checked entry without a rule");
            }
        }

        problems.AddRange(table.Keys.Where(id => !routed.Contains(id)).Select(id => $"{id}: has a permission entry but is not routed"));
        return problems;
    }

    /// <summary>Throws, naming every mismatch, unless the routes and the table agree.</summary>
    public static void EnsureConsistent(IEnumerable<Endpoint> endpoints, IReadOnlyDictionary<string, OperationPermission> table)
    {
        var problems = FindProblems(endpoints, table);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The operation permission table does not match the routes:\n" + string.Join("\n", problems));
        }
    }
}
