using System.Diagnostics;
using System.Text;

namespace Tarn.Server.Tests.Cli;

/// <summary>
/// The real <c>tarn</c> executable as a child process: <c>dotnet tarn.dll …</c>, where <c>tarn.dll</c> is the copy
/// the project reference puts next to the test assembly. Output is collected as it arrives, so a running server's
/// banner can be read while it serves. Disposing kills the child if it is still running.
/// </summary>
internal sealed class TarnProcess : IAsyncDisposable
{
    /// <summary>Ample for one command (the JIT dominates); a hung child fails the test instead of the suite.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _commandLine;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly Task _pumps;

    private TarnProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, _stdout),
            PumpAsync(process.StandardError, _stderr));
    }

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "tarn.dll");

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>tarn <paramref name="arguments"/></c> in the sandbox.</summary>
    public static TarnProcess Start(CliSandbox sandbox, params string[] arguments)
    {
        Assert.True(File.Exists(DllPath), $"{DllPath} is missing: the test project must reference src/Tarn.Server");
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = sandbox.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Whatever the machine running the tests has configured must not leak into the child.
        foreach (var name in info.Environment.Keys.Where(name => name.StartsWith("LAKEFS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["HOME"] = sandbox.HomeDirectory;
        foreach (var (name, value) in sandbox.Variables)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new TarnProcess(process, "tarn " + string.Join(' ', arguments));
    }

    /// <summary>Runs <c>tarn <paramref name="arguments"/></c> to completion.</summary>
    public static async Task<CliResult> RunAsync(CliSandbox sandbox, params string[] arguments)
    {
        await using var process = Start(sandbox, arguments);
        return await process.WaitForExitAsync(CommandTimeout);
    }

    /// <summary>Waits for the child to exit on its own; fails the test (the child is killed on dispose) after <paramref name="timeout"/>.</summary>
    public async Task<CliResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(timer.Token);
            await _pumps.WaitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"`{_commandLine}` did not exit within {timeout.TotalSeconds} s\n{Describe()}");
        }

        return new CliResult(_process.ExitCode, Stdout, Stderr);
    }

    /// <summary>Waits until standard output contains <paramref name="text"/>; fails if the child exits or time runs out first.</summary>
    public async Task WaitForStdoutAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited || clock.Elapsed > timeout)
            {
                // One last look: the pumps may still have been copying the final output.
                await Task.Delay(100, TestContext.Current.CancellationToken);
                Assert.True(Stdout.Contains(text, StringComparison.Ordinal), $"no \"{text}\" on standard output\n{Describe()}");
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>What the child wrote so far, for assertion messages.</summary>
    public string Describe() =>
        $"--- {_commandLine} ---\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timer.Token);
            // The pipes close with the process; let the readers finish before the streams are disposed.
            await _pumps.WaitAsync(timer.Token);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The dotnet CLI tells the processes it starts where it lives; elsewhere, whatever PATH finds.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                sink.Append(buffer, 0, read);
            }
        }
    }
}
