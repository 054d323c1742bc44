using Tarn.Core;
using Tarn.Versioning.Refs;
using static Tarn.Versioning.Tests.Graveler.GravelerTestBed;

namespace Tarn.Versioning.Tests.Graveler;

public sealed class RepositoryAndBranchTests
{
    private readonly GravelerTestBed _bed = new();

    [Fact]
    public async Task Create_repository_makes_root_commit_and_default_branch()
    {
        await _bed.CreateRepositoryAsync();
        var branch = await _bed.Controller.GetBranchAsync(Repo, "main", Ct);
        var root = await _bed.Controller.GetCommitAsync(Repo, "main", Ct);
        Assert.Equal(branch.CommitId, root.Id);
        Assert.Equal("Repository created", root.Message);
        Assert.Equal("", root.Committer);
        Assert.True(root.MetaRangeId.IsEmpty);
        Assert.Empty(root.Parents);
        Assert.Equal(1, root.Generation);
    }

    [Fact]
    public async Task Bare_repository_has_no_branch_and_duplicates_are_409()
    {
        await _bed.Controller.CreateRepositoryAsync(new RepositoryCreation("bare1", "mem://bare1", Bare: true), Ct);
        var missing = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.GetBranchAsync("bare1", "main", Ct));
        Assert.Equal("branch not found", missing.Message);
        var duplicate = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateRepositoryAsync(new RepositoryCreation("bare1", "mem://other"), Ct));
        Assert.Equal(ErrorKind.AlreadyExists, duplicate.Kind);
    }

    [Fact]
    public async Task Invalid_ids_and_namespaces_are_400_before_anything_is_stored()
    {
        var badId = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateRepositoryAsync(new RepositoryCreation("A_b", "mem://x"), Ct));
        Assert.Equal("argument name: repository id: invalid value: validation error", badId.Message);
        var badNamespace = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateRepositoryAsync(new RepositoryCreation("good", "nonsense"), Ct));
        Assert.Equal(ErrorKind.InvalidArgument, badNamespace.Kind);
        Assert.Empty((await _bed.Controller.ListRepositoriesAsync(PageRequest.First, Ct)).Items);
    }

    [Fact]
    public async Task List_and_delete_repositories()
    {
        await _bed.CreateRepositoryAsync("aa1");
        await _bed.CreateRepositoryAsync("bb1");
        Assert.Equal(["aa1", "bb1"], (await _bed.Controller.ListRepositoriesAsync(PageRequest.First, Ct)).Items.Select(r => r.Id));
        await _bed.Controller.DeleteRepositoryAsync("aa1", Ct);
        var gone = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.GetRepositoryAsync("aa1", Ct));
        Assert.Equal("repository not found", gone.Message);
    }

    [Fact]
    public async Task Branch_creation_follows_the_collision_rules()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        var head = await _bed.CommitAsync("main");
        await _bed.Controller.CreateTagAsync(Repo, "v1", "main", Ct);

        var created = await _bed.Controller.CreateBranchAsync(Repo, "dev", "main", Ct);
        Assert.Equal(head.Id, created.CommitId);
        Assert.Equal("branch already exists: not unique", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, "dev", "main", Ct))).Message);
        Assert.Equal("tag ID v1: conflict found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, "v1", "main", Ct))).Message);
        Assert.Equal($"commit ID {head.Id}: conflict found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, head.Id.Value, "main", Ct))).Message);
        Assert.Equal("source reference 'nope': not found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, "x", "nope", Ct))).Message);
        var staging = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, "x", "main$", Ct));
        Assert.Equal(ErrorKind.InvalidArgument, staging.Kind);
        var badName = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateBranchAsync(Repo, "-x", "main", Ct));
        Assert.StartsWith("argument branch: branch id: invalid value", badName.Message);
    }

    [Fact]
    public async Task New_branch_does_not_carry_uncommitted_changes()
    {
        await _bed.CreateRepositoryAsync();
        await _bed.PutAsync("main", "a", "1");
        await _bed.Controller.CreateBranchAsync(Repo, "dev", "main", Ct);
        Assert.Null(await _bed.GetAsync("dev", "a"));
        Assert.Equal("1", await _bed.GetAsync("main", "a"));
    }

    [Fact]
    public async Task Delete_branch_refuses_the_default_branch_before_checking_existence()
    {
        await _bed.CreateRepositoryAsync();
        var refused = await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.DeleteBranchAsync(Repo, "main", Ct));
        Assert.Equal("cannot delete repository default branch", refused.Message);
        Assert.Equal(ErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal("branch not found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.DeleteBranchAsync(Repo, "dev", Ct))).Message);

        await _bed.Controller.CreateBranchAsync(Repo, "dev", "main", Ct);
        await _bed.Controller.DeleteBranchAsync(Repo, "dev", Ct);
        Assert.Equal(["main"], (await _bed.Controller.ListBranchesAsync(Repo, PageRequest.First, Ct)).Items.Select(b => b.Id));
        Assert.Equal(0, _bed.Controller.LockedBranchCount);
    }

    [Fact]
    public async Task Tags_create_get_list_delete_with_lakefs_texts()
    {
        await _bed.CreateRepositoryAsync();
        var head = await _bed.Controller.GetCommitAsync(Repo, "main", Ct);
        var tag = await _bed.Controller.CreateTagAsync(Repo, "v1.0", "main", Ct);
        Assert.Equal(head.Id, tag.CommitId);
        Assert.Equal(head.Id, (await _bed.Controller.GetTagAsync(Repo, "v1.0", Ct)).CommitId);
        Assert.Equal("tag already exists: not unique", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateTagAsync(Repo, "v1.0", "main", Ct))).Message);
        Assert.Equal("branch name main: conflict found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateTagAsync(Repo, "main", "main", Ct))).Message);
        Assert.Equal("not found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.CreateTagAsync(Repo, "v2", "nope", Ct))).Message);
        Assert.Equal(["v1.0"], (await _bed.Controller.ListTagsAsync(Repo, PageRequest.First, Ct)).Items.Select(t => t.Id));
        Assert.Equal(head.Id, (await _bed.Controller.GetCommitAsync(Repo, "v1.0", Ct)).Id);
        await _bed.Controller.DeleteTagAsync(Repo, "v1.0", Ct);
        Assert.Equal("tag not found", (await Assert.ThrowsAsync<TarnException>(() => _bed.Controller.GetTagAsync(Repo, "v1.0", Ct))).Message);
    }
}
