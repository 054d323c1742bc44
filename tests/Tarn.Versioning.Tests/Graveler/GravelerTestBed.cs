using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tarn.Blocks.Memory;
using Tarn.Kv;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Graveler;

/// <summary>A <see cref="VersionController"/> over in-memory stores with a fake clock, and small helpers.</summary>
internal sealed class GravelerTestBed
{
    public const string Repo = "repo1";
    public static readonly DateTimeOffset Epoch = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public GravelerTestBed(IKvStore? kv = null, CommittedManagerOptions? committed = null)
    {
        Kv = kv ?? new MemoryKvStore();
        Time = new FakeTimeProvider(Epoch);
        Controller = VersionController.Create(
            Kv, new MemoryBlockAdapter(), Time, new VersionControllerOptions { Committed = committed ?? new CommittedManagerOptions { SplitModulus = 8, BlockSizeBytes = 256 } });
    }

    public IKvStore Kv { get; }

    public FakeTimeProvider Time { get; }

    public VersionController Controller { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] K(string key) => Encoding.UTF8.GetBytes(key);

    public static string S(byte[] key) => Encoding.UTF8.GetString(key);

    public static Value V(string content) => new(Encoding.UTF8.GetBytes("id:" + content), Encoding.UTF8.GetBytes("data:" + content));

    public static string? ContentOf(Value? value) => value is null ? null : Encoding.UTF8.GetString(value.Identity)[3..];

    public async Task<RepositoryRecord> CreateRepositoryAsync(string id = Repo) =>
        await Controller.CreateRepositoryAsync(new RepositoryCreation(id, $"mem://{id}/ns"), Ct);

    public Task PutAsync(string branch, string key, string content) => Controller.SetAsync(Repo, branch, K(key), V(content), cancellationToken: Ct);

    public Task DeleteAsync(string branch, string key) => Controller.DeleteAsync(Repo, branch, K(key), Ct);

    public async Task<string?> GetAsync(string reference, string key) => ContentOf(await Controller.GetAsync(Repo, reference, K(key), Ct));

    public Task<CommitRecord> CommitAsync(string branch, string message = "msg", bool allowEmpty = false)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return Controller.CommitAsync(Repo, branch, new CommitParams("tester", message) { AllowEmpty = allowEmpty }, Ct);
    }

    public Task<CommitRecord> MergeAsync(string source, string destination, string? strategy = null)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        return Controller.MergeAsync(Repo, source, destination, new MergeParams("tester") { Strategy = strategy }, Ct);
    }

    /// <summary>Everything <paramref name="reference"/> lists, as key=content pairs in key order.</summary>
    public async Task<List<string>> ListAsync(string reference, string? from = null)
    {
        var result = new List<string>();
        await using var iterator = await Controller.ListAsync(Repo, reference, from is null ? null : K(from), Ct);
        while (await iterator.MoveNextAsync(Ct))
        {
            result.Add($"{S(iterator.Current.Key)}={ContentOf(iterator.Current.Value)}");
        }

        return result;
    }

    public static async Task<List<string>> ReadDiffAsync(IDiffIterator iterator)
    {
        var result = new List<string>();
        await using (iterator)
        {
            while (await iterator.MoveNextAsync(Ct))
            {
                var record = iterator.Current;
                result.Add($"{record.Type.ToString().ToLowerInvariant()} {S(record.Key)}={ContentOf(record.Value)}");
            }
        }

        return result;
    }

    public async Task<List<string>> UncommittedAsync(string branch) => await ReadDiffAsync(await Controller.DiffUncommittedAsync(Repo, branch, Ct));
}
