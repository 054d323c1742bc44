using System.Text;
using Tarn.Kv;

namespace Tarn.Server.Hosting;

/// <summary>
/// The installation's stable id: <c>installation.fixed_id</c> when configured, else a random UUID created
/// once (by compare-and-swap, so concurrent first starts agree) and kept in the metadata store.
/// </summary>
internal static class InstallationIdentity
{
    private const string Partition = "installation";
    private static readonly byte[] Key = "id"u8.ToArray();

    public static async Task<string> ResolveAsync(IKvStore kv, string? fixedId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(fixedId))
        {
            return fixedId;
        }

        var fresh = Encoding.UTF8.GetBytes(Guid.NewGuid().ToString());
        await kv.SetIfAsync(Partition, Key, fresh, KvPredicate.Absent, cancellationToken);
        var stored = await kv.GetAsync(Partition, Key, cancellationToken)
            ?? throw new InvalidOperationException("The installation id vanished right after it was written.");
        return Encoding.UTF8.GetString(stored.Value);
    }
}
