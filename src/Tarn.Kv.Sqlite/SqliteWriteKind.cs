namespace Tarn.Kv.Sqlite;

/// <summary>The four statements a queued write can run.</summary>
internal enum SqliteWriteKind
{
    Set,
    SetIfAbsent,
    SetIfValue,
    Delete,
}
