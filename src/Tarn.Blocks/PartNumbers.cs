using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>S3's part numbering rules, shared by every adapter.</summary>
internal static class PartNumbers
{
    public const int Min = 1;
    public const int Max = 10_000;

    /// <summary>Refuses a part number outside 1..10000 before any data is read.</summary>
    public static void Check(int partNumber)
    {
        if (partNumber is < Min or > Max)
        {
            throw TarnException.Invalid($"invalid part number {partNumber}: must be between {Min} and {Max}");
        }
    }

    /// <summary>Checks a completion list's shape: not empty, numbers in range and strictly ascending.</summary>
    public static void CheckList(IReadOnlyList<CompletedPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new InvalidPartListException(InvalidPartListReason.Empty, "the part list is empty");
        }

        var previous = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            if (part.PartNumber is < Min or > Max)
            {
                throw new InvalidPartListException(
                    InvalidPartListReason.PartNumberOutOfRange,
                    $"invalid part number {part.PartNumber}: must be between {Min} and {Max}");
            }

            if (part.PartNumber <= previous)
            {
                throw new InvalidPartListException(
                    InvalidPartListReason.NotAscending,
                    "the list of parts was not in ascending order");
            }

            previous = part.PartNumber;
        }
    }

    public static InvalidPartListException Missing(int partNumber) =>
        new(InvalidPartListReason.PartMissing, $"part {partNumber} was not uploaded");

    public static InvalidPartListException ETagMismatch(int partNumber) =>
        new(InvalidPartListReason.ETagMismatch, $"the ETag of part {partNumber} does not match the uploaded part");
}
