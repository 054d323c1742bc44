using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tarn.Api.Authentication;
using Tarn.Api.Contracts;
using Tarn.Api.Hosting;
using Tarn.Api.Paging;
using Tarn.Blocks;
using Tarn.Catalog.Samples;
using Tarn.Core;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;
using EngineCreation = Tarn.Versioning.Refs.RepositoryCreation;

namespace Tarn.Api.Endpoints.Versioning;

/// <summary>Repositories (docs/repositories.md).</summary>
internal static class RepositoryEndpoints
{
    private const string CreationError = "error creating repository";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/repositories", ListRepositories).Operation("listRepositories");
        api.MapPost("/repositories", CreateRepository).Operation("createRepository");
        api.MapGet("/repositories/{repository}", GetRepository).Operation("getRepository");
        api.MapDelete("/repositories/{repository}", DeleteRepository).Operation("deleteRepository");
        api.MapGet("/repositories/{repository}/metadata", GetRepositoryMetadata).Operation("getRepositoryMetadata");
    }

    private static async Task<IResult> ListRepositories(PageQuery page, VersionController versions, CancellationToken cancellationToken)
    {
        var found = await versions.ListRepositoriesAsync(VersioningDtos.Request(page), cancellationToken);
        var results = found.Items.Select(r => VersioningDtos.Repository(r)).ToList();
        return Results.Json(new RepositoryList(VersioningDtos.Pagination(found), results), TarnJson.Context.RepositoryList);
    }

    private static async Task<IResult> CreateRepository(
        HttpContext context,
        Contracts.RepositoryCreation body,
        bool? bare,
        VersionController versions,
        IBlockAdapter blocks,
        SampleData sampleData,
        CancellationToken cancellationToken)
    {
        var isBare = bare == true;
        var readOnly = body.ReadOnly == true;
        await ValidateCreationAsync(body, isBare || readOnly, versions, blocks, cancellationToken);
        var creation = new EngineCreation(body.Name, body.StorageNamespace, body.DefaultBranch ?? "", readOnly, isBare);
        RepositoryRecord created;
        try
        {
            created = await versions.CreateRepositoryAsync(creation, cancellationToken);
        }
        catch (TarnException e) when (e.Kind is ErrorKind.AlreadyExists or ErrorKind.InvalidArgument)
        {
            throw new TarnException(e.Kind, $"{CreationError}: {e.Message}");
        }

        // A bare repository has no branch to hold the samples: lakeFS ignores the flag then, and so does Tarn.
        if (body.SampleData == true && !isBare)
        {
            try
            {
                // lakeFS commits the samples as the caller's username, not email (docs/repositories.md, "Sample data").
                await sampleData.AddAsync(created.Id, created.DefaultBranchId, ApiCaller.From(context).User.Username, cancellationToken);
            }
            catch
            {
                // No half-made repository: the caller sees the failure, and the name is free to try again.
                await versions.DeleteRepositoryAsync(created.Id, CancellationToken.None);
                throw;
            }
        }

        return Results.Json(VersioningDtos.Repository(created, withReadOnly: !isBare), TarnJson.Context.Repository, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Everything is checked before storage is touched (docs/repositories.md, "Creating a repository"): the name, that the
    /// repository is new, the namespace regex, then (unless skipped) that the namespace is unused and writable.
    /// </summary>
    private static async Task ValidateCreationAsync(
        Contracts.RepositoryCreation body, bool skipNamespaceProbe, VersionController versions, IBlockAdapter blocks, CancellationToken cancellationToken)
    {
        if (!IdentifierRules.IsRepositoryId(body.Name))
        {
            throw TarnException.Invalid($"{CreationError}: argument name: {IdentifierRules.RepositoryIdMessage}");
        }

        if (!string.IsNullOrEmpty(body.DefaultBranch) && !IdentifierRules.IsBranchId(body.DefaultBranch))
        {
            throw TarnException.Invalid($"{CreationError}: argument default_branch: {IdentifierRules.BranchIdMessage}");
        }

        if (await ExistsAsync(versions, body.Name, cancellationToken))
        {
            throw TarnException.AlreadyExists($"{CreationError}: not unique");
        }

        StorageNamespaceCheck.EnsureMatchesBlockstore(blocks, body.StorageNamespace);
        if (!skipNamespaceProbe)
        {
            await StorageNamespaceCheck.EnsureUsableAsync(blocks, body.StorageNamespace, cancellationToken);
        }
    }

    /// <summary>Whether a record holds the ID; one still being deleted counts, as in lakeFS.</summary>
    private static async Task<bool> ExistsAsync(VersionController versions, string repositoryId, CancellationToken cancellationToken)
    {
        try
        {
            await versions.GetRepositoryAsync(repositoryId, cancellationToken);
            return true;
        }
        catch (TarnException e) when (e.Kind == ErrorKind.Gone)
        {
            return true;
        }
        catch (TarnException e) when (e.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    private static async Task<IResult> GetRepository(string repository, VersionController versions, CancellationToken cancellationToken) =>
        Results.Json(VersioningDtos.Repository(await versions.GetRepositoryAsync(repository, cancellationToken)), TarnJson.Context.Repository);

    private static async Task<IResult> DeleteRepository(string repository, bool? force, VersionController versions, CancellationToken cancellationToken)
    {
        await ReadOnlyGuard.EnsureWritableAsync(versions, repository, force, cancellationToken);
        await versions.DeleteRepositoryAsync(repository, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> GetRepositoryMetadata(string repository, VersionController versions, CancellationToken cancellationToken) =>
        Results.Json(await versions.GetRepositoryMetadataAsync(repository, cancellationToken), TarnJson.Context.StringMap);
}
