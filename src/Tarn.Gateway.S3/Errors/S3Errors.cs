namespace Tarn.Gateway.S3.Errors;

/// <summary>The S3 error codes the gateway answers with (docs/gateway.md, "Errors"), with AWS's statuses and texts.</summary>
public static class S3Errors
{
    public static readonly S3Error AccessDenied = new("AccessDenied", 403, "Access Denied");
    public static readonly S3Error RequestExpired = new("AccessDenied", 403, "Request has expired");
    public static readonly S3Error RequestNotYetValid = new("AccessDenied", 403, "Request is not valid yet");
    public static readonly S3Error MissingDate = new("AccessDenied", 400, "AWS authentication requires a valid Date or x-amz-date header");
    public static readonly S3Error SignatureDoesNotMatch = new("SignatureDoesNotMatch", 403,
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    public static readonly S3Error InvalidAccessKeyId = new("InvalidAccessKeyId", 403,
        "The AWS access key Id you provided does not exist in our records.");
    public static readonly S3Error RequestTimeTooSkewed = new("RequestTimeTooSkewed", 403,
        "The difference between the request time and the server's time is too large.");
    public static readonly S3Error MissingFields = new("MissingFields", 400, "Missing fields in request.");
    public static readonly S3Error AuthorizationHeaderMalformed = new("AuthorizationHeaderMalformed", 400,
        "The authorization header that you provided is not valid.");
    public static readonly S3Error AuthorizationQueryParametersError = new("AuthorizationQueryParametersError", 400,
        "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    public static readonly S3Error MalformedDate = new("MalformedDate", 400,
        "Invalid date format header, expected to be in ISO8601, RFC1123 or RFC1123Z time format.");
    public static readonly S3Error InvalidRequest = new("InvalidRequest", 400, "Invalid Request");
    public static readonly S3Error InvalidArgument = new("InvalidArgument", 400, "Invalid Argument");
    public static readonly S3Error InvalidUri = new("InvalidURI", 400, "Couldn't parse the specified URI.");
    public static readonly S3Error BadRequest = new("BadRequest", 400, "Bad Request");
    public static readonly S3Error MalformedXml = new("MalformedXML", 400,
        "The XML you provided was not well-formed or did not validate against our published schema.");
    public static readonly S3Error XAmzContentSha256Mismatch = new("XAmzContentSHA256Mismatch", 400,
        "The provided 'x-amz-content-sha256' header does not match what was computed.");
    public static readonly S3Error BadDigest = new("BadDigest", 400,
        "The Content-MD5 or checksum value you specified did not match what we received.");
    public static readonly S3Error InvalidDigest = new("InvalidDigest", 400, "The Content-MD5 or checksum value you specified is not valid.");
    public static readonly S3Error IncompleteBody = new("IncompleteBody", 400,
        "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    public static readonly S3Error MalformedChunkedBody = new("IncompleteBody", 400, "The aws-chunked request body is malformed.");
    public static readonly S3Error MalformedTrailer = new("MalformedTrailerError", 400,
        "The request contained trailing data that was not well-formed or did not conform to our published schema.");
    public static readonly S3Error NoSuchBucket = new("NoSuchBucket", 404, "The specified bucket does not exist.");
    public static readonly S3Error NoSuchKey = new("NoSuchKey", 404, "The specified key does not exist.");
    public static readonly S3Error NoSuchVersion = new("NoSuchVersion", 404, "The specified version does not exist.");
    public static readonly S3Error NoSuchUpload = new("NoSuchUpload", 404, "The specified multipart upload does not exist.");
    public static readonly S3Error InvalidRange = new("InvalidRange", 416, "The requested range is not satisfiable");
    public static readonly S3Error BucketAlreadyExists = new("BucketAlreadyExists", 409,
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system.");
    public static readonly S3Error InvalidPart = new("InvalidPart", 400,
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    public static readonly S3Error InvalidPartOrder = new("InvalidPartOrder", 400,
        "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
    public static readonly S3Error PreconditionFailed = new("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold");
    public static readonly S3Error OperationAborted = new("OperationAborted", 409,
        "A conflicting conditional operation is currently in progress against this resource. Please try again.");
    public static readonly S3Error NotSupported = new("ERRLakeFSNotSupported", 405, "This operation is not supported in LakeFS");
    public static readonly S3Error NotImplemented = new("NotImplemented", 501,
        "A header you provided implies functionality that is not implemented");
    public static readonly S3Error WriteToProtectedBranch = new("ErrWriteToProtectedBranch", 403, "cannot write to protected branch");
    public static readonly S3Error ReadOnlyRepository = new("ErrReadOnlyRepository", 403, "repository is read-only");
    public static readonly S3Error InternalError = new("InternalError", 500, "We encountered an internal error, please try again.");
    public static readonly S3Error SlowDown = new("SlowDown", 503, "Please reduce your request rate.");
}
