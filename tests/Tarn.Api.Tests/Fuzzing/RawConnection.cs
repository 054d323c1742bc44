using System.Net;
using System.Net.Sockets;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>A socket with a read buffer: lines (CRLF, or a bare LF), exact counts, or all until close.</summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private const int MaxHeadBytes = 256 * 1024;
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        var client = new TcpClient(server.AddressFamily) { NoDelay = true };
        await client.ConnectAsync(server, cancellationToken);
        return new RawConnection(client);
    }

    public async Task WriteAsync(byte[] bytes, bool halfClose, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(bytes, cancellationToken);
        if (halfClose)
        {
            _client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    /// <summary>A line without its terminator; null when the connection ends before a line starts at a response start.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken, bool atStart = false)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                if (atStart && line.Length == 0)
                {
                    return null;
                }

                throw new IOException("connection closed in the middle of a response head");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Write(_buffer, _start, stop - _start);
            _start = newline < 0 ? _end : newline + 1;
            if (line.Length > MaxHeadBytes)
            {
                throw new InvalidDataException("response head longer than the fuzzer reads");
            }

            if (newline >= 0)
            {
                var text = WireText.FromBytes(line.GetBuffer().AsSpan(0, (int)line.Length));
                return text.EndsWith('\r') ? text[..^1] : text;
            }
        }
    }

    public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException($"connection closed after {filled} of {count} body bytes");
            }

            var take = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, take);
            _start += take;
            filled += take;
        }

        return result;
    }

    public async Task<byte[]> ReadToEndAsync(int limit, CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        while (_start < _end || await FillAsync(cancellationToken))
        {
            all.Write(_buffer, _start, _end - _start);
            _start = _end;
            if (all.Length > limit)
            {
                throw new InvalidDataException("response body larger than the fuzzer reads");
            }
        }

        return all.ToArray();
    }

    /// <summary>The first line of anything that arrives within <paramref name="wait"/>, or null (nothing, or closed).</summary>
    public async Task<string?> PeekExtraAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            return FirstLine();
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(wait);
        try
        {
            return await FillAsync(timer.Token) ? FirstLine() : null;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private string FirstLine()
    {
        var span = _buffer.AsSpan(_start, Math.Min(_end - _start, 200));
        var newline = span.IndexOf((byte)'\n');
        return WireText.Escape(newline < 0 ? span : span[..newline]);
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
