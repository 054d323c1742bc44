namespace Tarn.Blocks.Local;

/// <summary>
/// Lists the files under a namespace directory in ascending UTF-8 order of their relative keys. Each
/// directory is read and sorted on its own, with a directory ranked as its name plus <c>/</c>, so a
/// depth-first walk produces the same order as sorting every key at once, without holding them all.
/// Reserved names (temp files, upload folders) and symbolic links are skipped.
/// </summary>
internal static class LocalTreeWalker
{
    public static IEnumerable<BlockListEntry> Walk(string namespaceDirectory, string prefix, CancellationToken cancellationToken)
    {
        // Start in the deepest directory the prefix names completely: "data/ab" starts in "data/".
        var start = prefix[..(prefix.LastIndexOf('/') + 1)];
        var startDirectory = Path.Combine(namespaceDirectory, start.Replace('/', Path.DirectorySeparatorChar));
        var pending = new Stack<IEnumerator<Child>>();
        pending.Push(SortedChildren(startDirectory, start).GetEnumerator());
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Peek();
            if (!current.MoveNext())
            {
                current.Dispose();
                pending.Pop();
                continue;
            }

            var child = current.Current;
            if (child.Info is DirectoryInfo directory)
            {
                // Enter only directories that can hold matching keys.
                if (child.SortKey.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(child.SortKey, StringComparison.Ordinal))
                {
                    pending.Push(SortedChildren(directory.FullName, child.SortKey).GetEnumerator());
                }
            }
            else if (child.SortKey.StartsWith(prefix, StringComparison.Ordinal) && child.Info is FileInfo file)
            {
                yield return new BlockListEntry(child.SortKey, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }
    }

    private static List<Child> SortedChildren(string directory, string keyPrefix)
    {
        var children = new List<Child>();
        try
        {
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (info.Name.StartsWith(BlockKeys.ReservedPrefix, StringComparison.Ordinal)
                    || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                var key = info is DirectoryInfo ? $"{keyPrefix}{info.Name}/" : keyPrefix + info.Name;
                children.Add(new Child(key, info));
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Not created yet, or removed while we walked: nothing to list there.
        }

        children.Sort((a, b) => Utf8Ordering.Instance.Compare(a.SortKey, b.SortKey));
        return children;
    }

    /// <summary>A directory entry with its key relative to the namespace (directories end in '/').</summary>
    private readonly record struct Child(string SortKey, FileSystemInfo Info);
}
