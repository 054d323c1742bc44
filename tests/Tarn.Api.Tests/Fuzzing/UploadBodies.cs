using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>Bodies of uploadObject: raw bytes (octet-stream) or a multipart form with a <c>content</c> part, whole or broken.</summary>
public static class UploadBodies
{
    public static void Build(RequestDraft draft, IReadOnlyList<MutationKind> kinds, FuzzRandom random)
    {
        var content = kinds.Contains(MutationKind.BodyOversized)
            ? new byte[random.Between(3, 7) * 1024 * 1024]
            : kinds.Contains(MutationKind.BodyEmpty) ? [] : random.Bytes(random.Between(0, 2048));
        if (kinds.Contains(MutationKind.BodyOversized))
        {
            draft.Note = $"{content.Length:N0}-byte upload";
        }

        var multipart = kinds.Contains(MutationKind.BodyBrokenMultipart) || random.Chance(0.4);
        if (!multipart)
        {
            draft.Body = content;
            draft.Headers.Add(KeyValuePair.Create("Content-Type", "application/octet-stream"));
            return;
        }

        var boundary = "fz" + random.Letters(12);
        var contentType = "multipart/form-data; boundary=" + boundary;
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var tail = $"\r\n--{boundary}--\r\n";
        if (kinds.Contains(MutationKind.BodyBrokenMultipart))
        {
            var broken = random.Next(6);
            draft.Note = broken switch
            {
                0 => "multipart without a boundary parameter",
                1 => "multipart without its closing boundary",
                2 => "multipart part without a name",
                3 => "multipart with two content parts",
                4 => "multipart with a 5,000-char boundary",
                _ => "multipart whose part headers never end",
            };
            switch (broken)
            {
                case 0: contentType = "multipart/form-data"; break;
                case 1: tail = ""; break;
                case 2: head = head.Replace("; name=\"content\"", "", StringComparison.Ordinal); break;
                case 3: tail = $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nsecond{tail}"; break;
                case 4:
                    boundary = new string('b', 5_000);
                    contentType = "multipart/form-data; boundary=" + boundary;
                    head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n";
                    tail = $"\r\n--{boundary}--\r\n";
                    break;
                default: head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"\r\n"; tail = ""; break;
            }
        }

        draft.Body = [.. Encoding.ASCII.GetBytes(head), .. content, .. Encoding.ASCII.GetBytes(tail)];
        draft.Headers.Add(KeyValuePair.Create("Content-Type", contentType));
        if (kinds.Contains(MutationKind.BodyTruncated) && draft.Body.Length > 1)
        {
            draft.Body = draft.Body[..random.Between(1, draft.Body.Length)];
            draft.Note = (draft.Note is null ? "" : draft.Note + "; ") + "multipart cut short";
        }
    }
}
