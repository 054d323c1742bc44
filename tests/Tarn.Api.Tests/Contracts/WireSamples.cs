using Tarn.Api.Contracts;

namespace Tarn.Api.Tests.Contracts;

/// <summary>One full and one minimal instance of every wire type of the issue-4 operations.</summary>
internal static class WireSamples
{
    private const string CommitId = "4c3ab2b0a4b8ac1e5b4b5bd0c27d8b6ae1a0d7a4f0ab8a0d8e34b0e4c0d3f4a1";
    private static readonly Pagination Page = new(HasMore: false, NextOffset: "", Results: 1, MaxPerPage: 1000);
    private static readonly Pagination EmptyPage = new(HasMore: false, NextOffset: "", Results: 0, MaxPerPage: 1000);
    private static readonly Dictionary<string, string> Meta = new() { ["owner"] = "jane", ["::lakefs::origin"] = "ui" };
    private static readonly Dictionary<string, string> NoMeta = [];

    private static readonly Repository FullRepository = new()
    {
        Id = "my-repo",
        CreationDate = 1_700_000_000,
        DefaultBranch = "main",
        StorageNamespace = "local://my-repo",
        ReadOnly = false,
    };

    private static readonly Commit FullCommit = new()
    {
        Id = CommitId,
        Parents = [CommitId],
        Committer = "jane@example.com",
        Message = "add data",
        CreationDate = 1_700_000_000,
        MetaRangeId = CommitId,
        Metadata = Meta,
        Generation = 2,
        Version = 1,
    };

    private static readonly Commit RootCommit = new()
    {
        Id = CommitId,
        Parents = [],
        Committer = "",
        Message = "Repository created",
        CreationDate = 1_700_000_000,
        MetaRangeId = "",
        Metadata = NoMeta,
        Generation = 1,
        Version = 1,
    };

    private static readonly ObjectStats FullStats = new()
    {
        Path = "a/b.csv",
        PathType = PathType.Object,
        PhysicalAddress = "http://127.0.0.1:8000/_tarn/presigned/x?X-Tarn-Expires=1",
        PhysicalAddressExpiry = 1_700_000_900,
        Checksum = "5d41402abc4b2a76b9719d911017c592",
        SizeBytes = 5,
        Mtime = 1_700_000_000,
        Metadata = Meta,
        ContentType = "text/csv",
    };

    private static readonly ObjectStats PrefixStats = new()
    {
        Path = "a/",
        PathType = PathType.CommonPrefix,
        PhysicalAddress = "",
        Checksum = "",
        Mtime = 0,
    };

    public static IReadOnlyList<WireSample> All { get; } =
    [
        new("Repository", typeof(Repository), FullRepository, FullRepository with { ReadOnly = null }),
        new("RepositoryList", typeof(RepositoryList), new RepositoryList(Page, [FullRepository]), new RepositoryList(EmptyPage, [])),
        new("RepositoryCreation", typeof(RepositoryCreation),
            new RepositoryCreation { Name = "my-repo", StorageNamespace = "local://my-repo", DefaultBranch = "main", SampleData = true, ReadOnly = false },
            new RepositoryCreation { Name = "my-repo", StorageNamespace = "local://my-repo" }),
        new("RepositoryMetadata", typeof(IReadOnlyDictionary<string, string>), Meta, NoMeta),
        new("RepositoryMetadataSet", typeof(RepositoryMetadataSet), new RepositoryMetadataSet { Metadata = Meta }, new RepositoryMetadataSet { Metadata = NoMeta }),
        new("RepositoryMetadataKeys", typeof(RepositoryMetadataKeys), new RepositoryMetadataKeys { Keys = ["owner", "team"] }, new RepositoryMetadataKeys { Keys = [] }),
        new("Ref", typeof(Ref), new Ref("main", CommitId), new Ref("main", CommitId)),
        new("RefList", typeof(RefList), new RefList(Page, [new Ref("main", CommitId)]), new RefList(EmptyPage, [])),
        new("BranchCreation", typeof(BranchCreation),
            new BranchCreation { Name = "dev", Source = "main", Force = true }, new BranchCreation { Name = "dev", Source = "main" }),
        new("ResetCreation", typeof(ResetCreation),
            new ResetCreation { Type = ResetType.CommonPrefix, Path = "a/", Force = true }, new ResetCreation { Type = ResetType.Reset }),
        new("RevertCreation", typeof(RevertCreation),
            new RevertCreation { Ref = "main~1", ParentNumber = 1, Force = true, AllowEmpty = true }, new RevertCreation { Ref = "main", ParentNumber = 0 }),
        new("CherryPickCreation", typeof(CherryPickCreation),
            new CherryPickCreation { Ref = "dev", ParentNumber = 1, Force = false }, new CherryPickCreation { Ref = "dev" }),
        new("TagCreation", typeof(TagCreation), new TagCreation { Id = "v1.0", Ref = "main", Force = true }, new TagCreation { Id = "v1.0", Ref = "main" }),
        new("Commit", typeof(Commit), FullCommit, RootCommit),
        new("CommitList", typeof(CommitList), new CommitList(Page, [FullCommit]), new CommitList(EmptyPage, [])),
        new("CommitCreation", typeof(CommitCreation),
            new CommitCreation { Message = "m", Metadata = Meta, Date = 1_700_000_000, AllowEmpty = true, Force = false },
            new CommitCreation { Message = "m" }),
        new("CommitRecordCreation", typeof(CommitRecordCreation),
            new CommitRecordCreation
            {
                CommitId = CommitId, Version = 1, Committer = "jane", Message = "m", MetarangeId = CommitId, CreationDate = 1_700_000_000,
                Parents = [CommitId], Metadata = Meta, Generation = 2, Force = true,
            },
            new CommitRecordCreation
            {
                CommitId = CommitId, Version = 1, Committer = "", Message = "", MetarangeId = "", CreationDate = 0, Parents = [], Generation = 1,
            }),
        new("Diff", typeof(Diff),
            new Diff { Type = DiffType.Changed, Path = "a/b.csv", PathType = PathType.Object, SizeBytes = 5 },
            new Diff { Type = DiffType.PrefixChanged, Path = "a/", PathType = PathType.CommonPrefix }),
        new("DiffList", typeof(DiffList),
            new DiffList(Page, [new Diff { Type = DiffType.Conflict, Path = "x", PathType = PathType.Object, SizeBytes = 0 }]), new DiffList(EmptyPage, [])),
        new("Merge", typeof(Merge), new Merge { Message = "m", Metadata = Meta, Strategy = "dest-wins", Force = true }, new Merge()),
        new("MergeResult", typeof(MergeResult), new MergeResult(CommitId), new MergeResult("")),
        new("FindMergeBaseResult", typeof(FindMergeBaseResult),
            new FindMergeBaseResult(CommitId, CommitId, CommitId), new FindMergeBaseResult(CommitId, CommitId, CommitId)),
        new("ObjectStats", typeof(ObjectStats), FullStats, PrefixStats),
        new("ObjectStatsList", typeof(ObjectStatsList), new ObjectStatsList(Page, [FullStats, PrefixStats]), new ObjectStatsList(EmptyPage, [])),
        new("ObjectStageCreation", typeof(ObjectStageCreation),
            new ObjectStageCreation
            {
                PhysicalAddress = "local:///data/x", Checksum = "abc", SizeBytes = 3, Mtime = 1_700_000_000, Metadata = Meta, ContentType = "text/plain", Force = true,
            },
            new ObjectStageCreation { PhysicalAddress = "local:///data/x", Checksum = "abc", SizeBytes = 3 }),
        new("ObjectCopyCreation", typeof(ObjectCopyCreation),
            new ObjectCopyCreation { SrcPath = "a", SrcRef = "main", Force = true }, new ObjectCopyCreation { SrcPath = "a" }),
        new("PathList", typeof(PathList), new PathList { Paths = ["a", "b/c"] }, new PathList { Paths = [] }),
        new("ObjectErrorList", typeof(ObjectErrorList),
            new ObjectErrorList([new ObjectError(403, "read-only repository", "a")]), new ObjectErrorList([])),
        new("ObjectError", typeof(ObjectError), new ObjectError(401, "Unauthorized", "a"), new ObjectError(500, "boom")),
        new("UnderlyingObjectProperties", typeof(UnderlyingObjectProperties), new UnderlyingObjectProperties("GLACIER"), new UnderlyingObjectProperties()),
        new("StagingLocation", typeof(StagingLocation),
            new StagingLocation { PhysicalAddress = "local:///data/r/data/g/c", PresignedUrl = "http://h/_tarn/presigned/x", PresignedUrlExpiry = 1_700_000_900 },
            new StagingLocation()),
        new("StagingMetadata", typeof(StagingMetadata),
            new StagingMetadata
            {
                Staging = new StagingLocation { PhysicalAddress = "local:///data/x" }, Checksum = "\"abc\"", SizeBytes = 3, UserMetadata = Meta,
                ContentType = "text/plain", Force = true,
            },
            new StagingMetadata { Staging = new StagingLocation(), Checksum = "abc", SizeBytes = 0 }),
        new("PresignMultipartUpload", typeof(PresignMultipartUpload),
            new PresignMultipartUpload { UploadId = "u1", PhysicalAddress = "s3://b/x", PresignedUrls = ["https://b/x?partNumber=1"] },
            new PresignMultipartUpload { UploadId = "u1", PhysicalAddress = "s3://b/x" }),
        new("CompletePresignMultipartUpload", typeof(CompletePresignMultipartUpload),
            new CompletePresignMultipartUpload
            {
                PhysicalAddress = "s3://b/x", Parts = [new UploadPart { PartNumber = 1, Etag = "\"e1\"" }], UserMetadata = Meta, ContentType = "text/plain",
            },
            new CompletePresignMultipartUpload { PhysicalAddress = "s3://b/x", Parts = [] }),
        new("AbortPresignMultipartUpload", typeof(AbortPresignMultipartUpload),
            new AbortPresignMultipartUpload { PhysicalAddress = "s3://b/x" }, new AbortPresignMultipartUpload { PhysicalAddress = "s3://b/x" }),
        new("UploadPart", typeof(UploadPart), new UploadPart { PartNumber = 1, Etag = "e" }, new UploadPart { PartNumber = 10000, Etag = "" }),
        new("StorageURI", typeof(StorageUri), new StorageUri("_lakefs/abc"), new StorageUri("")),
    ];

    public static WireSample Named(string schema) => All.Single(s => s.Schema == schema);

    public static TheoryData<string> Names() => new(All.Select(s => s.Schema));
}
