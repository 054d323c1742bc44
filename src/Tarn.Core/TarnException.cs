namespace Tarn.Core;

/// <summary>
/// A failure that crosses layers. It carries an <see cref="ErrorKind"/> so adapters map kinds, not
/// types, and a message written for users: texts follow lakeFS's where clients or scripts see them.
/// Expected misses inside a layer are values (a null entry), not exceptions.
/// </summary>
public class TarnException : Exception
{
    public TarnException(ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ErrorKind Kind { get; }

    public static TarnException NotFound(string message = "not found") => new(ErrorKind.NotFound, message);

    public static TarnException Invalid(string message) => new(ErrorKind.InvalidArgument, message);

    public static TarnException AlreadyExists(string message = "Already exists") => new(ErrorKind.AlreadyExists, message);

    public static TarnException Conflict(string message) => new(ErrorKind.Conflict, message);
}
