using System.Security.Cryptography;
using System.Text;

namespace Tarn.Core;

/// <summary>Comparisons of secrets that take the same time whatever the inputs share.</summary>
public static class Secret
{
    /// <summary>Constant-time equality of two strings compared as UTF-8 bytes.</summary>
    public static bool EqualsConstantTime(string? a, string? b)
    {
        if (a is null || b is null)
        {
            // Still spend a comparison so a missing value is not measurably faster.
            CryptographicOperations.FixedTimeEquals("x"u8, "y"u8);
            return false;
        }

        var left = Encoding.UTF8.GetBytes(a);
        var right = Encoding.UTF8.GetBytes(b);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
