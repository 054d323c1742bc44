using System.Text;
using Tarn.Auth.Authorization;
using Tarn.Catalog.Objects;
using Tarn.Core;
using Tarn.Gateway.S3.Authorization;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;
using Tarn.Gateway.S3.Xml;
using Tarn.Versioning.Refs;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// <c>POST /{repo}?delete</c> (docs/gateway.md, "Deleting"): up to 1000 keys <c>&lt;ref&gt;/&lt;path&gt;</c>, each
/// authorized on its own (denied keys are reported, the others deleted), deleted in one staging pass per
/// branch. Missing objects and empty paths (<c>main/</c>, which Spark deletes) count as deleted.
/// </summary>
public sealed class DeleteObjects(ObjectCatalog catalog, BranchWrites branches, Authorizer authorizer) : IS3Operation
{
    /// <summary>The most keys one request may name (S3's limit).</summary>
    public const int MaxKeys = 1000;

    public S3OperationId Id => S3OperationId.DeleteObjects;

    public async Task HandleAsync(S3Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repository = request.RequiredRepository;
        var body = await XmlBody.ReadAsync(request.Body, S3Errors.BadRequest, cancellationToken);
        var (keys, quiet) = ParseBody(body);
        var deleted = new List<string>();
        var errors = new List<(string Key, string Code, string Message)>();
        var byBranch = new Dictionary<string, List<(string Key, string Path)>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                errors.Add((key, "ErrDeletingKey", "error deleting object: the key does not name a ref and a path"));
                continue;
            }

            var (reference, path) = (key[..slash], key[(slash + 1)..]);
            if (!await authorizer.IsAllowedAsync(request.Caller.User.Username, S3Permissions.DeleteObjectIn(repository.Id, path), cancellationToken))
            {
                errors.Add((key, S3Errors.AccessDenied.Code, S3Errors.AccessDenied.Message));
                continue;
            }

            if (!byBranch.TryGetValue(reference, out var list))
            {
                byBranch[reference] = list = [];
            }

            list.Add((key, path));
        }

        foreach (var (reference, items) in byBranch)
        {
            await DeleteOnRefAsync(repository, reference, items, deleted, errors, cancellationToken);
        }

        await S3XmlResponse.WriteAsync(request.HttpContext, 200, xml =>
        {
            xml.WriteStartElement("DeleteResult", S3Format.Namespace);
            if (!quiet)
            {
                foreach (var key in deleted)
                {
                    xml.WriteStartElement("Deleted");
                    xml.WriteElementString("Key", key);
                    xml.WriteEndElement();
                }
            }

            foreach (var (key, code, message) in errors)
            {
                xml.WriteStartElement("Error");
                xml.WriteElementString("Code", code);
                xml.WriteElementString("Key", key);
                xml.WriteElementString("Message", message);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private async Task DeleteOnRefAsync(
        RepositoryRecord repository,
        string reference,
        List<(string Key, string Path)> items,
        List<string> deleted,
        List<(string, string, string)> errors,
        CancellationToken cancellationToken)
    {
        // As for a single DELETE: on a ref that is not a branch there is nothing to delete.
        if (!await branches.IsBranchAsync(repository.Id, reference, cancellationToken))
        {
            deleted.AddRange(items.Select(i => i.Key));
            return;
        }

        if (repository.ReadOnly)
        {
            errors.AddRange(items.Select(i => (i.Key, S3Errors.ReadOnlyRepository.Code, S3Errors.ReadOnlyRepository.Message)));
            return;
        }

        IReadOnlyList<PathError> failures;
        try
        {
            failures = await catalog.DeleteManyAsync(repository.Id, reference, [.. items.Select(i => i.Path)], cancellationToken);
        }
        catch (TarnException e) when (e.Kind != ErrorKind.Internal)
        {
            errors.AddRange(items.Select(i => (i.Key, "ErrDeletingKey", "error deleting object: " + e.Message)));
            return;
        }

        var failed = new Dictionary<string, PathError>(StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            failed.TryAdd(failure.Path, failure);
        }

        foreach (var (key, path) in items)
        {
            if (!failed.TryGetValue(path, out var failure))
            {
                deleted.Add(key);
            }
            else if (failure.Kind == ErrorKind.Forbidden)
            {
                errors.Add((key, S3Errors.WriteToProtectedBranch.Code, failure.Message));
            }
            else
            {
                errors.Add((key, "ErrDeletingKey", "error deleting object: " + failure.Message));
            }
        }
    }

    private static (List<string> Keys, bool Quiet) ParseBody(byte[] body)
    {
        var keys = new List<string>();
        var quiet = new StringBuilder();
        StringBuilder? key = null;
        XmlBody.Parse(body, S3Errors.BadRequest,
            (path, text) =>
            {
                if (path == "Delete/Object/Key")
                {
                    (key ??= new StringBuilder()).Append(text);
                }
                else if (path == "Delete/Quiet")
                {
                    quiet.Append(text);
                }
            },
            path =>
            {
                if (path == "Delete/Object/Key")
                {
                    keys.Add(key?.ToString() ?? "");
                    key = null;
                }
            });
        if (keys.Count is 0 or > MaxKeys)
        {
            throw new S3ErrorException(S3Errors.MalformedXml);
        }

        return (keys, string.Equals(quiet.ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }
}
