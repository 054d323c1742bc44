namespace Tarn.Blocks.Local;

/// <summary>
/// Group commit for directory fsyncs: concurrent writers that renamed files into the same directory share
/// one fsync of it instead of queueing one each (every new object lands in its namespace's <c>data/</c>).
/// A caller returns only after an fsync that <em>started after</em> its call began has finished, so its
/// rename is always covered; callers arriving while an fsync runs wait for the next one, which then covers
/// all of them.
/// </summary>
internal static class DirectorySyncGroup
{
    private static readonly Dictionary<string, Group> Groups = new(StringComparer.Ordinal);
    private static readonly Lock GroupsLock = new();

    public static Task FlushAsync(string directory)
    {
        Group group;
        lock (GroupsLock)
        {
            if (!Groups.TryGetValue(directory, out group!))
            {
                Groups[directory] = group = new Group(directory);
            }

            return group.Join();
        }
    }

    private static void Release(Group group)
    {
        lock (GroupsLock)
        {
            if (group.IsIdle)
            {
                Groups.Remove(group.Directory);
            }
        }
    }

    /// <summary>One directory's state; guarded by <see cref="GroupsLock"/>.</summary>
    private sealed class Group(string directory)
    {
        private bool _running;
        private TaskCompletionSource? _next;

        public string Directory { get; } = directory;

        public bool IsIdle => !_running && _next is null;

        // Joins the next fsync: starts it now when none runs, else waits for the one after the running one.
        public Task Join()
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = _next.Task;
            if (!_running)
            {
                _running = true;
                _ = Task.Run(Run);
            }

            return waiter;
        }

        private void Run()
        {
            while (true)
            {
                TaskCompletionSource batch;
                lock (GroupsLock)
                {
                    if (_next is null)
                    {
                        _running = false;
                        break;
                    }

                    batch = _next;
                    _next = null;
                }

                try
                {
                    DirectorySync.Flush(Directory);
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }

            Release(this);
        }
    }
}
