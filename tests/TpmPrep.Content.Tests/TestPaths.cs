using System.Runtime.CompilerServices;

namespace TpmPrep.Content.Tests;

/// <summary>Locates the repository's folders from the test source, so golden files can be rewritten in place.</summary>
internal static class TestPaths
{
    public static string TestProject([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile)!;

    public static string Golden(params string[] parts) => Path.Combine([TestProject(), "Golden", .. parts]);

    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(TestProject(), "..", ".."));

    public static string ShippedContent() => Path.Combine(RepositoryRoot(), "content");

    /// <summary>Set UPDATE_GOLDEN=1 to write the actual output over the expected files, then review the diff.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertGolden(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (UpdateGolden || !File.Exists(expectedPath))
        {
            File.WriteAllText(expectedPath, actual);
            if (!UpdateGolden)
            {
                Assert.Fail($"Golden file {expectedPath} did not exist; it has been written. Review it and run again.");
            }

            return;
        }

        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }
}
