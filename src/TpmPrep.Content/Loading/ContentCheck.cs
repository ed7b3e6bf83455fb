using System.Text.Encodings.Web;
using System.Text.Json;
using TpmPrep.Content.Model;

namespace TpmPrep.Content.Loading;

/// <summary>The <c>check-content [DIR] [--json]</c> command: counts and errors for authors and CI.</summary>
public static class ContentCheck
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The process exit code: 0 without errors, 1 with errors, 2 for a usage mistake.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var json = args.Contains("--json");
        var folders = args.Where(a => a != "--json").ToList();
        if (folders.Count > 1 || folders.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            error.WriteLine("usage: check-content [DIR] [--json]");
            return 2;
        }

        var root = folders.Count == 1 ? folders[0] : "content";
        var catalogue = ContentLoader.Load(root, root.TrimEnd('/', '\\'));
        if (json)
        {
            output.WriteLine(ToJson(catalogue));
        }
        else
        {
            WriteReport(catalogue, root, output);
        }

        return catalogue.Errors.Count == 0 ? 0 : 1;
    }

    public static string ToJson(ContentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var report = new
        {
            banks = catalogue.Banks.Count,
            questions = catalogue.QuestionCount,
            skills = catalogue.QuestionsByPrimarySkill(),
            levels = catalogue.QuestionsByLevel(),
            loops = catalogue.Loops.ToDictionary(l => l.Id, l => l.Kits.Count),
            errors = catalogue.Errors.Select(e => new { path = e.Path, line = e.Line, message = e.Message }),
        };
        return JsonSerializer.Serialize(report, JsonOptions);
    }

    private static void WriteReport(ContentCatalogue catalogue, string root, TextWriter output)
    {
        output.WriteLine($"{root}: {catalogue.Banks.Count} banks, {catalogue.QuestionCount} questions, {catalogue.Skills.Count} skill areas, {catalogue.Levels.Count} levels");
        output.WriteLine();
        output.WriteLine("Questions per bank:");
        foreach (var bank in catalogue.Banks)
        {
            output.WriteLine($"  {bank.Questions.Count,4}  {bank.Id}  ({bank.Title})");
        }

        output.WriteLine("Questions per primary skill area:");
        foreach (var (skill, count) in catalogue.QuestionsByPrimarySkill())
        {
            output.WriteLine($"  {count,4}  {skill}");
        }

        output.WriteLine("Questions per level:");
        foreach (var (level, count) in catalogue.QuestionsByLevel())
        {
            output.WriteLine($"  {count,4}  {level}");
        }

        if (catalogue.Loops.Count > 0)
        {
            output.WriteLine("Interview loops (kits each):");
            foreach (var loop in catalogue.Loops)
            {
                output.WriteLine($"  {loop.Kits.Count,4}  {loop.Id}  ({loop.Title})");
            }
        }

        output.WriteLine();
        if (catalogue.Errors.Count == 0)
        {
            output.WriteLine("No errors.");
            return;
        }

        output.WriteLine($"{catalogue.Errors.Count} error(s):");
        foreach (var problem in catalogue.Errors)
        {
            output.WriteLine(problem.ToString());
        }
    }
}
