namespace Tarn.Server.Configuration.Schema;

/// <summary>How the text of a configuration value is read. Every source (file, environment, defaults) goes through the same rules.</summary>
public enum ConfigValueType
{
    /// <summary>Any text.</summary>
    Text,

    /// <summary>A file-system path: <c>~</c> is expanded to the home directory and relative paths are resolved against the working directory.</summary>
    FilePath,

    /// <summary>A whole number (decimal, <c>_</c> separators allowed as in Go, <c>0x</c> hex).</summary>
    Int,

    /// <summary>A decimal number such as <c>0.9</c>.</summary>
    Float,

    /// <summary>Go's <c>strconv.ParseBool</c> spellings: <c>true/false</c>, <c>1/0</c>, <c>t/f</c>, <c>TRUE/FALSE</c>, <c>True/False</c>.</summary>
    Bool,

    /// <summary>A Go duration such as <c>500ms</c>, <c>20s</c>, <c>1h30m</c>, <c>168h</c>; negative values are refused.</summary>
    Duration,

    /// <summary><c>host:port</c> as accepted by Go's <c>net.SplitHostPort</c> (IPv6 hosts in brackets, empty host = all interfaces).</summary>
    HostPort,

    /// <summary>A YAML list of strings, or one comma-separated string.</summary>
    StringList,

    /// <summary>One of a fixed set of values, compared case-insensitively.</summary>
    Choice,

    /// <summary>A YAML mapping of string to string, or <c>k1=v1,k2=v2</c> from the environment.</summary>
    StringMap,

    /// <summary>A YAML list of small objects with known fields (e.g. <c>ui.snippets</c>); from the environment, YAML flow text.</summary>
    ObjectList,

    /// <summary>Any YAML structure, kept unread: only for keys Tarn accepts and ignores.</summary>
    Any,
}
