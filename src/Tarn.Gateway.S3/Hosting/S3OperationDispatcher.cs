using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Authorization;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Operations;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Hosting;

/// <summary>
/// The end of the gateway branch: resolves the operation (docs/gateway.md, "Operation table") and runs its registered
/// <see cref="IS3Operation"/>; operations without an implementation answer 501 <c>NotImplemented</c>.
/// With <see cref="S3AccessControl"/> registered (the full gateway) each operation is authorized and its
/// repository looked up first; the protocol-only gateway (tests of routing and signing) skips that step.
/// </summary>
internal sealed class S3OperationDispatcher
{
    private readonly S3OperationResolver _resolver;
    private readonly GatewayOptions _options;
    private readonly FrozenDictionary<S3OperationId, IS3Operation> _operations;
    private readonly S3AccessControl? _accessControl;

    public S3OperationDispatcher(
        S3OperationResolver resolver, GatewayOptions options, IEnumerable<IS3Operation> operations, S3AccessControl? accessControl = null)
    {
        _resolver = resolver;
        _options = options;
        _accessControl = accessControl;
        var table = new Dictionary<S3OperationId, IS3Operation>();
        foreach (var operation in operations)
        {
            if (!table.TryAdd(operation.Id, operation))
            {
                throw new InvalidOperationException($"Two S3 operations are registered for {operation.Id}.");
            }
        }

        _operations = table.ToFrozenDictionary();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<S3RequestFeature>()
            ?? throw new InvalidOperationException("The S3 dispatcher runs behind S3GatewayMiddleware.");
        var route = _resolver.Resolve(context.Request.Method, feature.Target, feature.Query, context.Request.Headers);
        if (route.BareStatus is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        if (route.Error is { } error)
        {
            await S3ErrorWriter.WriteAsync(context, error, feature.Target, _options.Region);
            return;
        }

        var id = route.Operation!.Value;
        if (!_operations.TryGetValue(id, out var operation))
        {
            await S3ErrorWriter.WriteAsync(context, S3Errors.NotImplemented.WithMessage($"{id} is not implemented yet."), feature.Target, _options.Region);
            return;
        }

        var caller = feature.Caller ?? throw new InvalidOperationException("The S3 dispatcher runs after authentication.");
        var repository = _accessControl is null
            ? null
            : await _accessControl.CheckAsync(id, feature.Target, feature.Query, context.Request.Headers, caller, context.RequestAborted);
        var request = new S3Request
        {
            HttpContext = context,
            Operation = id,
            Target = feature.Target,
            Query = feature.Query,
            Caller = caller,
            ContentLength = feature.ContentLength,
            Repository = repository,
        };
        await operation.HandleAsync(request, context.RequestAborted);
    }
}
