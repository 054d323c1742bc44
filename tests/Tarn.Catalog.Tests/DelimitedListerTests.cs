using System.Text;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Listing;
using Tarn.Versioning.Model;

namespace Tarn.Catalog.Tests;

public sealed class DelimitedListerTests
{
    private static readonly string[] Paths =
    [
        "a.txt", "data/2024/01.csv", "data/2024/02.csv", "data/2025/01.csv", "data/readme", "logs/x", "logs/y/z", "zz",
    ];

    [Fact]
    public async Task Without_delimiter_lists_every_path_in_byte_order()
    {
        var page = await List(prefix: "", delimiter: "", after: "", amount: 100);
        Assert.Equal(Paths, page.Items.Select(i => i.Path));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Delimiter_folds_folders_into_common_prefixes()
    {
        var page = await List(prefix: "", delimiter: "/", after: "", amount: 100);
        Assert.Equal(["a.txt", "data/", "logs/", "zz"], page.Items.Select(i => i.Path));
        Assert.True(page.Items[1].IsCommonPrefix);
        Assert.False(page.Items[0].IsCommonPrefix);
    }

    [Fact]
    public async Task Prefix_and_delimiter_list_one_folder_level()
    {
        var page = await List(prefix: "data/", delimiter: "/", after: "", amount: 100);
        Assert.Equal(["data/2024/", "data/2025/", "data/readme"], page.Items.Select(i => i.Path));
    }

    [Fact]
    public async Task Paging_with_next_offset_visits_everything_once()
    {
        var seen = new List<string>();
        var after = "";
        while (true)
        {
            var page = await List(prefix: "", delimiter: "/", after: after, amount: 1);
            seen.AddRange(page.Items.Select(i => i.Path));
            if (!page.HasMore)
            {
                break;
            }

            after = page.Items[^1].Path;
        }

        Assert.Equal(["a.txt", "data/", "logs/", "zz"], seen);
    }

    [Fact]
    public async Task After_is_exclusive_and_can_point_inside_a_folder()
    {
        var page = await List(prefix: "", delimiter: "", after: "data/2024/02.csv", amount: 2);
        Assert.Equal(["data/2025/01.csv", "data/readme"], page.Items.Select(i => i.Path));
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task A_common_prefix_skips_its_descendants_by_seeking()
    {
        var many = Enumerable.Range(0, 10_000).Select(i => $"big/{i:D5}").Append("small").ToArray();
        var records = new SortedRecords(many.Select(Record));
        var page = await DelimitedLister.ListAsync(records, "", "/", "", 100, TestContext.Current.CancellationToken);
        Assert.Equal(["big/", "small"], page.Items.Select(i => i.Path));
        Assert.True(records.Yielded <= 3, $"read {records.Yielded} records");
    }

    [Fact]
    public async Task Unicode_paths_sort_by_utf8_bytes()
    {
        var records = new SortedRecords(new[] { "é", "z", "😀", "a" }.Select(Record));
        var page = await DelimitedLister.ListAsync(records, "", "", "", 10, TestContext.Current.CancellationToken);
        Assert.Equal(["a", "z", "é", "😀"], page.Items.Select(i => i.Path));
    }

    private static Task<ListPage> List(string prefix, string delimiter, string after, int amount) =>
        DelimitedLister.ListAsync(new SortedRecords(Paths.Select(Record)), prefix, delimiter, after, amount, TestContext.Current.CancellationToken);

    private static ValueRecord Record(string path) =>
        new(Encoding.UTF8.GetBytes(path), EntryCodec.Encode(new ObjectEntry { Address = "data/" + path, Size = path.Length, Checksum = "c" }));
}
