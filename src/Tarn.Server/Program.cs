namespace Tarn.Server;

internal static class Program
{
    public static int Main() => 0;
}
