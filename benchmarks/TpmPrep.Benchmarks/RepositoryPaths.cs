using System.Runtime.CompilerServices;

namespace TpmPrep.Benchmarks;

/// <summary>The repository's folders, found from this source file (BenchmarkDotNet runs the benchmarks from a generated folder).</summary>
internal static class RepositoryPaths
{
    public static string Root([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", ".."));

    public static string ShippedContent() => Path.Combine(Root(), "content");

    public static string GenerateLibraryScript() => Path.Combine(Root(), "benchmarks", "content", "generate-library.sh");
}
