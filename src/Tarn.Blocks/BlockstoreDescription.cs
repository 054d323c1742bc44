namespace Tarn.Blocks;

/// <summary>
/// What the configured block store is and accepts, as the API's <c>getStorageConfig</c> shows it.
/// </summary>
/// <param name="BlockstoreType">The configured type: <c>local</c>, <c>mem</c>, <c>s3</c>, …</param>
/// <param name="NamespaceValidityRegex">A regex every storage namespace must match, e.g. <c>^local://</c>.</param>
/// <param name="NamespaceExample">A namespace to show users, e.g. <c>local://example-bucket/</c>.</param>
/// <param name="ImportSupport">Whether objects can be imported from outside the namespaces.</param>
/// <param name="ImportValidityRegex">A regex every import source must match.</param>
/// <param name="PreSignSupport">Whether presigned URLs can be issued: <c>presign=true</c> is honoured.</param>
/// <param name="PreSignSupportUi">Whether the web UI should use presigned URLs.</param>
/// <param name="PreSignMultipartUpload">Whether presigned multipart uploads are offered.</param>
/// <param name="PreSignAdvertised">
/// Whether <c>getStorageConfig</c> reports <c>pre_sign_support: true</c>, which makes clients (lakectl, the
/// Python <c>lakefs</c> package) presign by default. A store may presign without advertising it: clients that
/// ask with <c>presign=true</c> still get URLs, the others use the plain API paths.
/// </param>
public sealed record BlockstoreDescription(
    string BlockstoreType,
    string NamespaceValidityRegex,
    string NamespaceExample,
    bool ImportSupport,
    string ImportValidityRegex,
    bool PreSignSupport = false,
    bool PreSignSupportUi = false,
    bool PreSignMultipartUpload = false,
    bool PreSignAdvertised = false);
