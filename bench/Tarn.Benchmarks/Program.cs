using BenchmarkDotNet.Running;

namespace Tarn.Benchmarks;

/// <summary>Runs the benchmarks chosen with BenchmarkDotNet's own flags (<c>--filter</c>, <c>--job</c>).</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
