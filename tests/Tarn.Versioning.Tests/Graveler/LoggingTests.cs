using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tarn.Blocks.Memory;
using Tarn.Kv;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Tests.Graveler;

/// <summary>The engine reports every branch move once, at Information.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Commits_and_merges_log_the_branch_move_with_the_commit_id()
    {
        var logger = new RecordingLogger();
        var controller = VersionController.Create(new MemoryKvStore(), new MemoryBlockAdapter(), new FakeTimeProvider(GravelerTestBed.Epoch), logger: logger);
        var ct = TestContext.Current.CancellationToken;
        await controller.CreateRepositoryAsync(new RepositoryCreation("repo1", "mem://repo1/ns"), ct);
        await controller.CreateBranchAsync("repo1", "feature", "main", ct);
        await controller.SetAsync("repo1", "feature", GravelerTestBed.K("a"), GravelerTestBed.V("1"), cancellationToken: ct);

        var commit = await controller.CommitAsync("repo1", "feature", new CommitParams("tester", "add a"), ct);
        var merge = await controller.MergeAsync("repo1", "feature", "main", new MergeParams("tester"), ct);

        var moves = logger.Entries.Where(e => e.Level == LogLevel.Information).Select(e => e.Message).ToList();
        Assert.Equal(2, moves.Count);
        Assert.StartsWith($"Branch repo1/feature moved to commit {commit.Id.Value} in ", moves[0]);
        Assert.StartsWith($"Branch repo1/main moved to commit {merge.Id.Value} in ", moves[1]);
    }

    private sealed class RecordingLogger : ILogger<VersionController>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
