using Tarn.Core;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;
using Tarn.Versioning.Tests.Refs;
using static Tarn.Versioning.Tests.Staging.StagingStoreTests;

namespace Tarn.Versioning.Tests.Staging;

public sealed class BranchWriteProtocolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quiet_branch_is_written_once()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var protocol = new BranchWriteProtocol(bed.Refs);
        var writes = 0;

        await protocol.WriteAsync(repository, "main", async (branch, ct) =>
        {
            writes++;
            await bed.Staging.SetAsync(branch.StagingToken, Key("a"), Val("a"), ct);
        }, Ct);

        Assert.Equal(1, writes);
        var token = (await bed.Refs.GetBranchAsync(repository, "main", Ct)).StagingToken;
        Assert.NotNull(await bed.Staging.GetAsync(token, Key("a"), Ct));
    }

    [Fact]
    public async Task A_commit_sealing_the_token_mid_write_makes_the_writer_rewrite_into_the_new_token()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var protocol = new BranchWriteProtocol(bed.Refs);
        var tokensWritten = new List<StagingToken>();

        var result = await protocol.WriteAsync(repository, "main", async (branch, ct) =>
        {
            await bed.Staging.SetAsync(branch.StagingToken, Key("a"), Val("a"), ct);
            tokensWritten.Add(branch.StagingToken);
            if (tokensWritten.Count == 1)
            {
                await SealAsync(bed, repository);
            }

            return tokensWritten.Count;
        }, Ct);

        Assert.Equal(2, result);
        var branch = await bed.Refs.GetBranchAsync(repository, "main", Ct);
        Assert.Equal([branch.StagingToken, branch.SealedTokens[0]], tokensWritten.AsEnumerable().Reverse());
        Assert.NotNull(await bed.Staging.GetAsync(branch.StagingToken, Key("a"), Ct));
    }

    [Fact]
    public async Task Constant_churn_gives_423_after_three_attempts()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var protocol = new BranchWriteProtocol(bed.Refs);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<TarnException>(async () => await protocol.WriteAsync(repository, "main", async (_, _) =>
        {
            attempts++;
            await SealAsync(bed, repository);
        }, Ct));

        Assert.Equal(BranchWriteProtocol.MaxAttempts, attempts);
        Assert.Equal((ErrorKind.Locked, "Too many attempts, try again later"), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Missing_branch_is_404()
    {
        await using var bed = new RefTestBed();
        var repository = await bed.NewRepositoryAsync();
        var error = await Assert.ThrowsAsync<TarnException>(async () =>
            await new BranchWriteProtocol(bed.Refs).WriteAsync(repository, "nope", (_, _) => ValueTask.CompletedTask, Ct));
        Assert.Equal("branch not found", error.Message);
    }

    /// <summary>What a commit's first step does: seal the staging token and install a new one.</summary>
    private static async Task SealAsync(RefTestBed bed, RepositoryRecord repository) =>
        await bed.Refs.UpdateBranchAsync(
            repository,
            "main",
            b => b with { StagingToken = StagingStore.NewToken(), SealedTokens = [b.StagingToken, .. b.SealedTokens] },
            cancellationToken: Ct);
}
