using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Tarn.Gateway.Tests.Infrastructure;

namespace Tarn.Gateway.Tests.Operations;

/// <summary>Writes to a protected branch answer lakeFS's <c>ErrWriteToProtectedBranch</c>, reads still work.</summary>
public sealed class ProtectedBranchTests(CatalogGatewayFixture fixture) : IClassFixture<CatalogGatewayFixture>
{
    private const string Repo = CatalogGatewayServer.Repository;
    private const string Branch = "protected-gw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogGatewayServer Server => fixture.Server;

    [Fact]
    public async Task Put_delete_and_batch_delete_are_refused_on_a_protected_branch()
    {
        using var client = Server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = "main/prot/file", ContentBody = "kept" }, Ct);
        await Server.Versions.CommitAsync(Repo, "main", new Versioning.Graveler.CommitParams("tester", "before protection"), Ct);
        await Server.Versions.CreateBranchAsync(Repo, Branch, "main", Ct);
        await Server.Versions.AddBranchProtectionRuleAsync(Repo, Branch, Ct);

        var put = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = Repo, Key = Branch + "/prot/new", ContentBody = "no" }, Ct));
        var delete = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => client.DeleteObjectAsync(Repo, Branch + "/prot/file", Ct));
        var batch = await Assert.ThrowsAnyAsync<DeleteObjectsException>(() => client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Repo,
            Objects = [new KeyVersion { Key = Branch + "/prot/file" }],
        }, Ct));

        Assert.Equal((HttpStatusCode.Forbidden, "ErrWriteToProtectedBranch"), (put.StatusCode, put.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "ErrWriteToProtectedBranch"), (delete.StatusCode, delete.ErrorCode));
        Assert.Equal("ErrWriteToProtectedBranch", Assert.Single(batch.Response.DeleteErrors).Code);
        using var get = await client.GetObjectAsync(Repo, Branch + "/prot/file", Ct);
        Assert.Equal("kept", await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct));
    }
}
