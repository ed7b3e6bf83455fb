using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;

namespace TpmPrep.Benchmarks;

/// <summary>One whole <see cref="ContentLoader.Load"/> of the shipped content and of a generated library of 1,000 questions.</summary>
[MemoryDiagnoser]
public class ContentLoaderBenchmarks
{
    private const int GeneratedQuestions = 1000;
    private readonly string _shipped = RepositoryPaths.ShippedContent();
    private string _generated = string.Empty;

    [GlobalSetup]
    public void GenerateLibrary()
    {
        _generated = Path.Combine(Path.GetTempPath(), $"tpmprep-bench-library-{Environment.ProcessId}");
        var start = new ProcessStartInfo("bash") { ArgumentList = { RepositoryPaths.GenerateLibraryScript(), _generated, GeneratedQuestions.ToString(System.Globalization.CultureInfo.InvariantCulture) }, RedirectStandardOutput = true };
        using var script = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        script.StandardOutput.ReadToEnd();
        script.WaitForExit();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"generate-library.sh failed with exit code {script.ExitCode}");
        }

        Check(ContentLoader.Load(_shipped), expected: null);
        Check(ContentLoader.Load(_generated), GeneratedQuestions);
    }

    [GlobalCleanup]
    public void RemoveLibrary()
    {
        if (Directory.Exists(_generated))
        {
            Directory.Delete(_generated, recursive: true);
        }
    }

    [Benchmark(Description = "Load shipped content")]
    public ContentCatalogue LoadShipped() => ContentLoader.Load(_shipped);

    [Benchmark(Description = "Load 1,000 generated questions")]
    public ContentCatalogue LoadGenerated() => ContentLoader.Load(_generated);

    /// <summary>A benchmark of a load that fails would measure the error path, so refuse to run.</summary>
    private static void Check(ContentCatalogue catalogue, int? expected)
    {
        if (catalogue.Errors.Count > 0 || catalogue.QuestionCount == 0 || (expected is { } count && catalogue.QuestionCount != count))
        {
            throw new InvalidOperationException($"content loaded {catalogue.QuestionCount} questions with {catalogue.Errors.Count} errors: {(catalogue.Errors.Count > 0 ? catalogue.Errors[0] : null)}");
        }
    }
}
