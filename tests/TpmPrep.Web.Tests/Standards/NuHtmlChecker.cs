using System.Diagnostics;
using System.Text.Json;

namespace TpmPrep.Web.Tests.Standards;

/// <summary>One message of the W3C Nu Html Checker (vnu).</summary>
public sealed record NuMessage(string Document, string Type, string? SubType, int? Line, string Text, string? Extract)
{
    public bool IsError => Type is "error" or "non-document-error";

    public override string ToString() => $"{Document}:{Line}: {Type}{(SubType is null ? "" : "/" + SubType)}: {Text}{(Extract is null ? "" : $" [{Extract.Trim()}]")}";
}

/// <summary>
/// Runs the W3C Nu Html Checker (the vnu-jar npm package, on Java) over many documents in one Java start-up.
/// scripts/test.sh installs it into .tools/vnu; TPMPREP_VNU_JAR names another vnu.jar.
/// </summary>
public static class NuHtmlChecker
{
    public const string JarVariable = "TPMPREP_VNU_JAR";

    public const string Version = "26.9.27";

    public static string DefaultJar => Path.Combine(Infrastructure.TpmPrepFactory.RepositoryRoot(), ".tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string InstallHint =>
        $"Install it with ./scripts/test.sh (which installs it when missing), or run `npm install --prefix .tools/vnu --no-save vnu-jar@{Version}` "
        + $"in the repository; or set {JarVariable} to a vnu.jar. It needs Java 11 or newer on the PATH.";

    /// <summary>The jar to run, or a failure saying how to install it: a missing checker must never pass for a clean page.</summary>
    public static string Jar()
    {
        var jar = Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } named ? named : DefaultJar;
        if (!File.Exists(jar))
        {
            Assert.Fail($"The W3C Nu Html Checker is not installed: no {jar}. {InstallHint}");
        }

        return jar;
    }

    /// <summary>Checks every document (name and text; .html, .css or .svg by its name) and returns vnu's messages.</summary>
    public static async Task<IReadOnlyList<NuMessage>> CheckAsync(IReadOnlyList<(string Name, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var jar = Jar();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tpmprep-vnu-" + Guid.NewGuid().ToString("N")));
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < documents.Count; i++)
            {
                var path = Path.Combine(folder.FullName, $"{i:D3}{Path.GetExtension(documents[i].Name)}");
                await File.WriteAllTextAsync(path, documents[i].Text);
                files[new Uri(path).AbsoluteUri] = documents[i].Name;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", "--also-check-css", "--also-check-svg" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var path in Directory.EnumerateFiles(folder.FullName).Order(StringComparer.Ordinal))
            {
                start.ArgumentList.Add(path);
            }

            Process java;
            try
            {
                java = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"Java could not be started to run the W3C Nu Html Checker ({e.Message}). {InstallHint}");
                throw;
            }

            using (java)
            {
                var output = java.StandardOutput.ReadToEndAsync();
                var error = java.StandardError.ReadToEndAsync();
                await java.WaitForExitAsync();
                Assert.True(java.ExitCode == 0, $"vnu exited with {java.ExitCode}: {await error}");
                return Parse(await output, files);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<NuMessage> Parse(string json, Dictionary<string, string> files)
    {
        using var report = JsonDocument.Parse(json);
        var messages = new List<NuMessage>();
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            messages.Add(new NuMessage(
                files.GetValueOrDefault(NormalisedFileUri(url), url),
                message.GetProperty("type").GetString() ?? "",
                message.TryGetProperty("subType", out var subType) ? subType.GetString() : null,
                message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
                message.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "",
                message.TryGetProperty("extract", out var extract) ? extract.GetString() : null));
        }

        return messages;
    }

    /// <summary>vnu names a file "file:/tmp/x.html"; .NET writes "file:///tmp/x.html".</summary>
    private static string NormalisedFileUri(string url) =>
        url.StartsWith("file:/", StringComparison.Ordinal) && !url.StartsWith("file:///", StringComparison.Ordinal) ? "file://" + url["file:".Length..] : url;
}
