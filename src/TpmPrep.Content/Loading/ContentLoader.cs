using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using YamlDotNet.RepresentationModel;

namespace TpmPrep.Content.Loading;

/// <summary>
/// Reads a content folder into a <see cref="ContentCatalogue"/>. Every problem becomes a
/// <see cref="ContentError"/>; a file with errors is left out and every other file still loads.
/// </summary>
public static partial class ContentLoader
{
    public const string BankFileName = "_bank.md";
    public const int MaxFileBytes = 256 * 1024;

    private static readonly string[] QuestionSections = ["Prompt", "What a strong answer covers", "Rubric", "Follow-ups", "Pitfalls"];
    private static readonly string[] RequiredQuestionSections = ["Prompt", "What a strong answer covers", "Rubric", "Follow-ups"];

    /// <param name="root">The content folder.</param>
    /// <param name="displayRoot">How <paramref name="root"/> is written in error paths (defaults to <paramref name="root"/>).</param>
    /// <param name="clock">The load time; defaults to now.</param>
    public static ContentCatalogue Load(string root, string? displayRoot = null, DateTime? clock = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var context = new LoadContext(root, displayRoot ?? root);
        if (!Directory.Exists(root))
        {
            context.Errors.Add(new ContentError(context.Display(root), 0, "content folder not found"));
            return new ContentCatalogue([], [], [], context.Errors, clock ?? DateTime.UtcNow);
        }

        var skills = LoadSkills(context);
        var levels = LoadLevels(context, skills);
        var banks = LoadBanks(context, skills, levels);
        var errors = context.Errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return new ContentCatalogue(skills, levels, banks, errors, clock ?? DateTime.UtcNow);
    }

    private static List<SkillArea> LoadSkills(LoadContext context)
    {
        var skills = new List<SkillArea>();
        var indicatorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in context.OpenAll(Path.Combine(context.Root, "skills", "areas"), "skill areas folder not found: questions cannot name their skill areas"))
        {
            var (id, title, order) = file.Identity();
            file.RejectUnknownFields();
            if (id is not null && skills.Any(s => s.Id == id))
            {
                file.Error(file.Field("id"), $"duplicate skill area id '{id}'");
            }

            var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
            var indicators = new List<SkillIndicator>();
            if (sections is not null)
            {
                var indicatorSection = sections.Sections.FirstOrDefault(s => s.Name.Equals("Indicators", StringComparison.OrdinalIgnoreCase));
                foreach (var other in sections.Sections.Where(s => s != indicatorSection))
                {
                    file.Error(other.Line, $"unknown section '## {other.Name}' (a skill area has a description and '## Indicators')");
                }

                if (indicatorSection is null)
                {
                    file.Error(file.BodyStartLine, "missing section '## Indicators'");
                }
                else
                {
                    var items = MarkdownSections.AnchoredItems(file, indicatorSection, 5, "indicator") ?? [];
                    foreach (var (heading, line, anchors) in items)
                    {
                        var match = IndicatorHeading().Match(heading);
                        if (!match.Success)
                        {
                            file.Error(line, $"indicator '{heading}' needs a stable id at the end of its heading, like '{{#my-indicator-id}}'");
                            continue;
                        }

                        var indicatorId = match.Groups["id"].Value;
                        if (!SourceFile.IsId(indicatorId))
                        {
                            file.Error(line, $"indicator id '{indicatorId}' is not a kebab-case id");
                        }
                        else if (indicatorIds.TryGetValue(indicatorId, out var firstPath))
                        {
                            file.Error(line, $"duplicate indicator id '{indicatorId}' (first used in {firstPath})");
                        }
                        else
                        {
                            indicatorIds[indicatorId] = file.Path;
                            indicators.Add(new SkillIndicator(indicatorId, id ?? string.Empty, match.Groups["text"].Value.Trim(), anchors));
                        }
                    }
                }
            }

            if (file.ErrorCount == 0 && id is not null && title is not null && sections is not null)
            {
                skills.Add(new SkillArea(id, title, order, SafeMarkdown.Render(sections.Preamble), indicators));
            }
        }

        return skills.OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }

    private static List<Level> LoadLevels(LoadContext context, List<SkillArea> skills)
    {
        var levels = new List<Level>();
        foreach (var file in context.OpenAll(Path.Combine(context.Root, "skills", "levels"), "levels folder not found: questions cannot name their level"))
        {
            var (id, title, order) = file.Identity();
            var targets = ReadTargets(file, skills);
            file.RejectUnknownFields();
            if (id is not null && levels.Any(l => l.Id == id))
            {
                file.Error(file.Field("id"), $"duplicate level id '{id}'");
            }

            var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
            if (sections is not null && sections.Sections.Count > 0)
            {
                file.Error(sections.Sections[0].Line, "a level's body is a description without '##' sections");
            }

            if (file.ErrorCount == 0 && id is not null && title is not null && targets is not null && sections is not null)
            {
                levels.Add(new Level(id, title, order, targets, SafeMarkdown.Render(sections.Preamble)));
            }
        }

        return levels.OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, int>? ReadTargets(SourceFile file, List<SkillArea> skills)
    {
        var node = file.Field("targets");
        if (file.FrontMatter is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            file.Error(node, node is null ? "missing required field 'targets'" : "field 'targets' must map each skill area id to a score from 0 to 100");
            return null;
        }

        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (skills.All(s => s.Id != key))
            {
                file.Error(keyNode, $"unknown skill area '{key}' in 'targets'");
                ok = false;
            }
            else if (valueNode is not YamlScalarNode { Value: { } raw } || !int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var score) || score is < 0 or > 100)
            {
                file.Error(valueNode, $"target for '{key}' must be a whole number from 0 to 100");
                ok = false;
            }
            else
            {
                targets[key] = score;
            }
        }

        foreach (var skill in skills.Where(s => !targets.ContainsKey(s.Id) && ok))
        {
            file.Error(node, $"'targets' has no score for skill area '{skill.Id}'");
            ok = false;
        }

        return ok ? targets : null;
    }

    private static List<QuestionBank> LoadBanks(LoadContext context, List<SkillArea> skills, List<Level> levels)
    {
        var banks = new List<QuestionBank>();
        var questionPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(context.Root, "banks");
        if (!Directory.Exists(folder))
        {
            context.Errors.Add(new ContentError(context.Display(folder), 0, "banks folder not found"));
            return banks;
        }

        bool SkillExists(string id) => skills.Any(s => s.Id == id);

        foreach (var bankFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var bankPath = Path.Combine(bankFolder, BankFileName);
            var questionFiles = MarkdownFiles(bankFolder).Where(p => Path.GetFileName(p) != BankFileName).ToList();
            if (!File.Exists(bankPath))
            {
                context.Errors.Add(new ContentError(context.Display(bankPath), 0, $"bank folder has no {BankFileName}; its {questionFiles.Count} question files are not loaded"));
                continue;
            }

            var file = context.Open(bankPath);
            if (file is null)
            {
                continue;
            }

            var (id, title, order) = file.Identity(titleLimit: 120);
            var summary = file.RequiredString("summary", 300);
            var bankSkills = file.IdList("skills", 1, 6, SkillExists, "skill area");
            file.RejectUnknownFields();
            if (id is not null && banks.Any(b => b.Id == id))
            {
                file.Error(file.Field("id"), $"duplicate bank id '{id}'");
            }

            var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
            if (sections is not null && sections.Sections.Count > 0)
            {
                file.Error(sections.Sections[0].Line, "a bank's body is an introduction without '##' sections");
            }

            if (file.ErrorCount > 0 || id is null || title is null || summary is null || bankSkills is null || sections is null)
            {
                context.Errors.Add(new ContentError(file.Path, 1, $"bank not loaded, so its {questionFiles.Count} question files are not loaded either"));
                continue;
            }

            var questions = new List<Question>();
            foreach (var questionPath in questionFiles)
            {
                var question = LoadQuestion(context, questionPath, id, SkillExists, levels, questionPaths);
                if (question is not null)
                {
                    questions.Add(question);
                }
            }

            // Easiest level first, so a bank reads as a progression.
            var ordered = questions.OrderBy(q => levels.FindIndex(l => l.Id == q.LevelId)).ThenBy(q => q.Title, StringComparer.Ordinal).ToList();
            banks.Add(new QuestionBank(id, title, summary, bankSkills, order, SafeMarkdown.Render(sections.Preamble), file.Path, ordered));
        }

        return banks.OrderBy(b => b.Order).ThenBy(b => b.Title, StringComparer.Ordinal).ToList();
    }

    private static Question? LoadQuestion(
        LoadContext context,
        string path,
        string bankId,
        Func<string, bool> skillExists,
        List<Level> levels,
        Dictionary<string, string> questionPaths)
    {
        var file = context.Open(path);
        if (file is null)
        {
            return null;
        }

        var id = file.RequiredId("id");
        var title = file.RequiredString("title", 160);
        var skills = file.IdList("skills", 1, 3, skillExists, "skill area");
        var level = file.RequiredString("level", 80);
        var kind = file.RequiredString("kind", 80);
        var minutes = file.Integer("minutes", 1, 120, required: true);
        file.RejectUnknownFields();

        if (level is not null && levels.All(l => l.Id != level))
        {
            file.Error(file.Field("level"), $"unknown level '{level}' (known: {string.Join(", ", levels.Select(l => l.Id))})");
        }

        if (kind is not null && !QuestionKinds.All.ContainsKey(kind))
        {
            file.Error(file.Field("kind"), $"unknown kind '{kind}' (known: {string.Join(", ", QuestionKinds.All.Keys)})");
        }

        if (id is not null)
        {
            if (questionPaths.TryGetValue(id, out var firstPath))
            {
                file.Error(file.Field("id"), $"duplicate question id '{id}' (first used in {firstPath})");
            }
            else
            {
                questionPaths[id] = file.Path;
            }
        }

        var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
        if (sections is null)
        {
            return null;
        }

        foreach (var block in sections.Preamble.Take(1))
        {
            file.Error(file.BodyLine(block.Line), "text before '## Prompt': a question's body starts with the '## Prompt' section");
        }

        var byName = new Dictionary<string, MarkdownSection>(StringComparer.OrdinalIgnoreCase);
        var lastIndex = -1;
        foreach (var section in sections.Sections)
        {
            var index = Array.FindIndex(QuestionSections, s => s.Equals(section.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                file.Error(section.Line, $"unknown section '## {section.Name}' (expected: {string.Join(", ", QuestionSections.Select(s => "## " + s))})");
            }
            else if (!byName.TryAdd(QuestionSections[index], section))
            {
                file.Error(section.Line, $"section '## {section.Name}' appears twice");
            }
            else if (index < lastIndex)
            {
                file.Error(section.Line, $"section '## {section.Name}' is out of order (expected: {string.Join(", ", QuestionSections.Select(s => "## " + s))})");
            }

            lastIndex = Math.Max(lastIndex, index);
        }

        foreach (var required in RequiredQuestionSections.Where(r => !byName.ContainsKey(r)))
        {
            file.Error(file.BodyStartLine, $"missing section '## {required}'");
        }

        string? prompt = null;
        if (byName.TryGetValue("Prompt", out var promptSection))
        {
            if (promptSection.Blocks.Count == 0)
            {
                file.Error(promptSection.Line, "section '## Prompt' is empty");
            }
            else
            {
                prompt = SafeMarkdown.Render(promptSection.Blocks);
            }
        }

        var covers = byName.TryGetValue("What a strong answer covers", out var coversSection) ? MarkdownSections.BulletItems(file, coversSection) : null;
        var followUps = byName.TryGetValue("Follow-ups", out var followUpSection) ? MarkdownSections.BulletItems(file, followUpSection) : null;
        var pitfalls = byName.TryGetValue("Pitfalls", out var pitfallSection) ? MarkdownSections.BulletItems(file, pitfallSection) : [];
        var rubric = byName.TryGetValue("Rubric", out var rubricSection)
            ? MarkdownSections.AnchoredItems(file, rubricSection, 4, "rubric criterion")?.Select(c => new RubricCriterion(c.Heading, c.Anchors)).ToList()
            : null;

        if (file.ErrorCount > 0 || id is null || title is null || skills is null || level is null || kind is null || minutes is null
            || prompt is null || covers is null || followUps is null || pitfalls is null || rubric is null)
        {
            return null;
        }

        return new Question(id, bankId, title, skills, level, kind, minutes.Value, prompt, covers, rubric, followUps, pitfalls, Hash(file.Text), file.Path);
    }

    private static IEnumerable<string> MarkdownFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^(?<text>.*?)\s*\{#(?<id>[^}\s]*)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorHeading();

    private sealed class LoadContext(string root, string displayRoot)
    {
        public string Root { get; } = root;

        public List<ContentError> Errors { get; } = [];

        public string Display(string path)
        {
            var relative = Path.GetRelativePath(Root, path);
            return (relative == "." ? displayRoot : Path.Combine(displayRoot, relative)).Replace('\\', '/');
        }

        /// <summary>Every Markdown file of a folder, opened; a missing folder is reported once.</summary>
        public IEnumerable<SourceFile> OpenAll(string folder, string missingMessage)
        {
            if (!Directory.Exists(folder))
            {
                Errors.Add(new ContentError(Display(folder), 0, missingMessage));
                yield break;
            }

            foreach (var path in MarkdownFiles(folder))
            {
                if (Open(path) is { } file)
                {
                    yield return file;
                }
            }
        }

        public SourceFile? Open(string path)
        {
            var display = Display(path);
            try
            {
                var info = new FileInfo(path);
                if (info.Length > MaxFileBytes)
                {
                    Errors.Add(new ContentError(display, 1, $"file is {info.Length / 1024} KiB; the limit is {MaxFileBytes / 1024} KiB"));
                    return null;
                }

                return SourceFile.Read(display, File.ReadAllText(path, Encoding.UTF8), Errors);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Errors.Add(new ContentError(display, 1, "cannot read file: " + ex.Message));
                return null;
            }
        }
    }
}
