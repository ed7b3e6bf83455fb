using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TpmPrep.Content.Markdown;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using YamlDotNet.RepresentationModel;

namespace TpmPrep.Content.Loading;

/// <summary>
/// Reads a content folder into a <see cref="ContentCatalogue"/>. Every problem becomes a
/// <see cref="ContentError"/> and loading never throws. A file with errors is left out, except that,
/// given the previous catalogue, it keeps the version that catalogue had (a reload never makes things
/// worse); a broken indicator or target costs only itself, not its skill area or level.
/// </summary>
public static partial class ContentLoader
{
    public const string BankFileName = "_bank.md";
    public const int MaxFileBytes = 256 * 1024;

    private static readonly string[] QuestionSections = ["Prompt", "What a strong answer covers", "Rubric", "Follow-ups", "Pitfalls", "Model answer"];
    private static readonly string[] RequiredQuestionSections = ["Prompt", "What a strong answer covers", "Rubric", "Follow-ups"];

    /// <param name="root">The content folder.</param>
    /// <param name="displayRoot">How <paramref name="root"/> is written in error paths (defaults to <paramref name="root"/>).</param>
    /// <param name="clock">The load time; defaults to now.</param>
    /// <param name="previous">The catalogue in force, whose version of a file is kept when that file now has errors.</param>
    public static ContentCatalogue Load(string root, string? displayRoot = null, DateTime? clock = null, ContentCatalogue? previous = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var loadedAt = clock ?? DateTime.UtcNow;
        var context = new LoadContext(root, displayRoot ?? root, previous);
        try
        {
            if (!Directory.Exists(root))
            {
                context.Errors.Add(new ContentError(context.Display(root), 0, "content folder not found"));
                return Finish(context, null, loadedAt);
            }

            var skills = LoadSkills(context);
            var levels = LoadLevels(context, skills);
            var banks = LoadBanks(context, skills, levels);
            var loops = LoadLoops(context, skills, levels, banks);
            return Finish(context, new ContentCatalogue(skills, levels, banks, context.SortedErrors(), loadedAt, context.Kept.Order(StringComparer.Ordinal).ToList(), loops), loadedAt);
        }
#pragma warning disable CA1031 // Loading runs on a timer and at start-up: no file system surprise may end the process.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            context.Errors.Add(new ContentError(context.Display(root), 0, "content could not be loaded: " + ex.Message));
            return Finish(context, null, loadedAt);
        }
    }

    /// <summary>With no usable result, the previous catalogue stays whole (with this load's errors); failing that, an empty one.</summary>
    private static ContentCatalogue Finish(LoadContext context, ContentCatalogue? loaded, DateTime loadedAt)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        return context.Previous is { QuestionCount: > 0 } previous
            ? previous.KeptAfterFailedLoad(context.SortedErrors(), loadedAt)
            : new ContentCatalogue([], [], [], context.SortedErrors(), loadedAt);
    }

    private static List<SkillArea> LoadSkills(LoadContext context)
    {
        var skills = new List<SkillArea>();
        var indicatorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(context.Root, "skills", "areas");
        foreach (var (path, file) in context.OpenAll(folder, "skill areas folder not found: questions cannot name their skill areas"))
        {
            var area = file is null ? null : ReadSkillArea(file, skills, indicatorIds);
            if ((file is null || file.ErrorCount > 0) && context.PreviousSkill(path) is { } good && skills.All(s => s.Id != good.Id))
            {
                context.Keep(path);
                foreach (var indicator in good.Indicators)
                {
                    indicatorIds.TryAdd(indicator.Id, good.SourcePath);
                }

                skills.Add(good);
            }
            else if (area is not null)
            {
                skills.Add(area);
            }
        }

        return skills.OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A skill area, without any indicator that has an error; null when it has no usable id or title.</summary>
    private static SkillArea? ReadSkillArea(SourceFile file, List<SkillArea> loaded, Dictionary<string, string> indicatorIds)
    {
        var (id, title, order) = file.Identity();
        file.RejectUnknownFields();
        if (id is not null && loaded.Any(s => s.Id == id))
        {
            file.Error(file.Field("id"), $"duplicate skill area id '{id}'");
            return null;
        }

        var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
        if (sections is null || id is null || title is null)
        {
            return null;
        }

        var indicators = new List<SkillIndicator>();
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
            foreach (var (heading, line, anchors) in MarkdownSections.AnchoredItems(file, indicatorSection, 5..5, "indicator", partial: true) ?? [])
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
                else if (!indicatorIds.TryAdd(indicatorId, file.Path))
                {
                    file.Error(line, $"duplicate indicator id '{indicatorId}' (first used in {indicatorIds[indicatorId]})");
                }
                else
                {
                    indicators.Add(new SkillIndicator(indicatorId, id, match.Groups["text"].Value.Trim(), anchors));
                }
            }
        }

        var description = RenderBlocks(file, sections.Preamble, file.BodyStartLine);
        return description is null ? null : new SkillArea(id, title, order, description, indicators, file.Path);
    }

    private static List<Level> LoadLevels(LoadContext context, List<SkillArea> skills)
    {
        var levels = new List<Level>();
        foreach (var (path, file) in context.OpenAll(Path.Combine(context.Root, "skills", "levels"), "levels folder not found: questions cannot name their level"))
        {
            var level = file is null ? null : ReadLevel(file, skills);
            if ((file is null || file.ErrorCount > 0) && context.PreviousLevel(path) is { } good && levels.All(l => l.Id != good.Id))
            {
                context.Keep(path);
                levels.Add(good);
            }
            else if (level is not null && levels.All(l => l.Id != level.Id))
            {
                levels.Add(level);
            }
            else if (level is not null)
            {
                file!.Error(file.Field("id"), $"duplicate level id '{level.Id}'");
            }
        }

        return levels.OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A level, without any target that has an error; null when it has no usable id or title.</summary>
    private static Level? ReadLevel(SourceFile file, List<SkillArea> skills)
    {
        var (id, title, order) = file.Identity();
        var targets = ReadTargets(file, skills);
        file.RejectUnknownFields();
        var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
        if (sections is not null && sections.Sections.Count > 0)
        {
            file.Error(sections.Sections[0].Line, "a level's body is a description without '##' sections");
        }

        if (id is null || title is null || targets is null || sections is null)
        {
            return null;
        }

        var description = RenderBlocks(file, sections.Preamble, file.BodyStartLine);
        return description is null ? null : new Level(id, title, order, targets, description, file.Path);
    }

    /// <summary>Each valid target; a bad or missing one is an error on its own line and is left out.</summary>
    private static Dictionary<string, int>? ReadTargets(SourceFile file, List<SkillArea> skills)
    {
        var node = file.Field("targets");
        if (file.FrontMatter is null)
        {
            return null;
        }

        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            file.Error(node, node is null ? "missing required field 'targets'" : "field 'targets' must map each skill area id to a score from 0 to 100");
            return targets;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            named.Add(key);
            if (skills.All(s => s.Id != key))
            {
                file.Error(keyNode, $"unknown skill area '{key}' in 'targets'");
            }
            else if (valueNode is not YamlScalarNode { Value: { } raw } || !int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var score) || score is < 0 or > 100)
            {
                file.Error(valueNode, $"target for '{key}' must be a whole number from 0 to 100");
            }
            else
            {
                targets[key] = score;
            }
        }

        foreach (var skill in skills.Where(s => !named.Contains(s.Id)))
        {
            file.Error(node, $"'targets' has no score for skill area '{skill.Id}'");
        }

        return targets;
    }

    private static List<QuestionBank> LoadBanks(LoadContext context, List<SkillArea> skills, List<Level> levels)
    {
        var banks = new List<QuestionBank>();
        var questionPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(context.Root, "banks");
        if (!Directory.Exists(folder))
        {
            context.Errors.Add(new ContentError(context.Display(folder), 0, "banks folder not found"));
            return context.Previous?.Banks.ToList() is { Count: > 0 } keptBanks ? KeepAll(context, keptBanks) : banks;
        }

        bool SkillExists(string id) => skills.Any(s => s.Id == id);

        // Every folder is listed first, then the files are read and parsed in parallel (bank files, then question files),
        // and the results are taken below bank by bank in file order, so banks, questions and errors are the same as
        // when the files are read one by one. A file the parallel pass did not read is read when its turn comes.
        var bankFolders = context.Folders(folder).Select(f => new BankFolder(f, context.MarkdownFiles(f).Where(p => Path.GetFileName(p) != BankFileName).ToList())).ToList();
        var present = bankFolders.Where(b => File.Exists(b.BankPath)).ToList();
        Parallel.ForEach(present, ParallelParsing, b => b.ParsedBank = ParseBank(context, b.BankPath, SkillExists, levels));
        var questionWork = present.SelectMany(b => b.QuestionFiles.Select((path, i) => (Bank: b, Path: path, Index: i))).ToList();
        foreach (var bank in present)
        {
            bank.ParsedQuestions = new ParsedQuestion?[bank.QuestionFiles.Count];
        }

        Parallel.ForEach(questionWork, ParallelParsing, w => w.Bank.ParsedQuestions![w.Index] = ParseQuestion(context, w.Path, w.Bank.ParsedBank?.Header?.Id ?? string.Empty, SkillExists, levels));

        foreach (var bankFolder in bankFolders)
        {
            var bankPath = bankFolder.BankPath;
            var questionFiles = bankFolder.QuestionFiles;
            var previousBank = context.PreviousBank(bankPath);
            if (!File.Exists(bankPath))
            {
                context.Errors.Add(new ContentError(context.Display(bankPath), 0, $"bank folder has no {BankFileName}; its {questionFiles.Count} question files are not loaded"));
                continue;
            }

            var parsedBank = bankFolder.ParsedBank ?? ParseBank(context, bankPath, SkillExists, levels);
            context.Errors.AddRange(parsedBank.Errors);
            parsedBank.Failure?.Throw();
            var header = parsedBank.Header;
            if (!parsedBank.Opened || parsedBank.ErrorCount > 0 || header is null)
            {
                if (previousBank is not null && previousBank.Skills.All(SkillExists))
                {
                    context.Keep(bankPath);
                    header = new BankHeader(previousBank.Id, previousBank.Title, previousBank.Summary, previousBank.Skills, previousBank.Order, previousBank.IntroductionHtml, previousBank.LevelId);
                }
                else
                {
                    context.Errors.Add(new ContentError(context.Display(bankPath), 1, $"bank not loaded, so its {questionFiles.Count} question files are not loaded either"));
                    continue;
                }
            }

            if (banks.Any(b => b.Id == header.Id))
            {
                context.Errors.Add(new ContentError(context.Display(bankPath), 1, $"duplicate bank id '{header.Id}'"));
                continue;
            }

            var questions = new List<Question>();
            for (var i = 0; i < questionFiles.Count; i++)
            {
                var parsed = bankFolder.ParsedQuestions?[i] ?? ParseQuestion(context, questionFiles[i], header.Id, SkillExists, levels);
                var question = LoadQuestion(context, questionFiles[i], parsed, header.Id, levels, SkillExists, questionPaths);
                if (question is not null)
                {
                    questions.Add(question);
                }
            }

            bankFolder.ParsedQuestions = null; // Let the parse results go once they have been taken.

            // Easiest level first, so a bank reads as a progression; an interview kit keeps the order of its files.
            var ordered = header.LevelId is not null ? questions
                : questions.OrderBy(q => levels.FindIndex(l => l.Id == q.LevelId)).ThenBy(q => q.Title, StringComparer.Ordinal).ToList();
            banks.Add(new QuestionBank(header.Id, header.Title, header.Summary, header.Skills, header.Order, header.IntroductionHtml, context.Display(bankPath), ordered, header.LevelId));
        }

        return banks.OrderBy(b => b.Order).ThenBy(b => b.Title, StringComparer.Ordinal).ToList();
    }

    private static List<QuestionBank> KeepAll(LoadContext context, List<QuestionBank> banks)
    {
        foreach (var bank in banks)
        {
            context.Keep(bank.SourcePath);
            foreach (var question in bank.Questions)
            {
                context.Keep(question.SourcePath);
            }
        }

        return banks;
    }

    private sealed record BankHeader(string Id, string Title, string Summary, IReadOnlyList<string> Skills, int Order, string IntroductionHtml, string? LevelId);

    /// <summary>
    /// Checks the text of one bank file (<c>_bank.md</c>) by the rules the loader applies, against the skill areas and
    /// levels of <paramref name="catalogue"/>: what the app checks before it exports an interview kit as a bank. Never throws.
    /// </summary>
    public static IReadOnlyList<ContentError> CheckBankFile(string name, string text, ContentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<ContentError>();
        try
        {
            var file = SourceFile.Read(name, text, errors);
            ReadBankHeader(file, s => catalogue.FindSkill(s) is not null, catalogue.Levels.ToList());
        }
#pragma warning disable CA1031 // A user's text must never take the request down: whatever goes wrong is an error on it.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new ContentError(name, 1, "the bank file could not be read: " + ex.Message));
        }

        return errors;
    }

    private static BankHeader? ReadBankHeader(SourceFile file, Func<string, bool> skillExists, IReadOnlyList<Level> levels)
    {
        var (id, title, order) = file.Identity(titleLimit: 120);
        var summary = file.RequiredString("summary", 300);
        var bankSkills = file.IdList("skills", 1, 6, skillExists, "skill area");
        // Optional: the level an interview kit is for (a kit exported from the app is a bank with a level).
        var level = KnownLevel(file, file.Field("level") is null ? null : file.RequiredString("level", 80), levels);
        file.RejectUnknownFields();
        var sections = IntroductionOnly(file, "a bank");
        if (id is null || title is null || summary is null || bankSkills is null || sections is null)
        {
            return null;
        }

        var introduction = RenderBlocks(file, sections.Preamble, file.BodyStartLine);
        return introduction is null ? null : new BankHeader(id, title, summary, bankSkills, order, introduction, level);
    }

    /// <summary>The level a file names, or null (with the error at its field) when no such level is loaded.</summary>
    private static string? KnownLevel(SourceFile file, string? level, IReadOnlyList<Level> levels)
    {
        if (level is not null && levels.All(l => l.Id != level))
        {
            file.Error(file.Field("level"), $"unknown level '{level}' (known: {string.Join(", ", levels.Select(l => l.Id))})");
            return null;
        }

        return level;
    }

    /// <summary>The sections of a file whose body is an introduction (a bank, a loop): a '##' section in it is an error.</summary>
    private static MarkdownSections? IntroductionOnly(SourceFile file, string what)
    {
        var sections = file.FrontMatter is null ? null : MarkdownSections.Parse(file);
        if (sections is not null && sections.Sections.Count > 0)
        {
            file.Error(sections.Sections[0].Line, $"{what}'s body is an introduction without '##' sections");
        }

        return sections;
    }

    private static readonly ParallelOptions ParallelParsing = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>A bank folder as listed, with what the parallel pass made of its files (null where it did not read them).</summary>
    private sealed class BankFolder(string folder, List<string> questionFiles)
    {
        public string BankPath { get; } = Path.Combine(folder, BankFileName);

        public List<string> QuestionFiles { get; } = questionFiles;

        public ParsedBank? ParsedBank { get; set; }

        public ParsedQuestion?[]? ParsedQuestions { get; set; }
    }

    /// <summary>What parsing a bank file gave, without the file itself.</summary>
    private sealed class ParsedBank
    {
        public List<ContentError> Errors { get; } = [];

        public BankHeader? Header { get; set; }

        /// <summary>False when the file could not be read at all.</summary>
        public bool Opened { get; set; }

        public int ErrorCount { get; set; }

        /// <summary>Whatever parsing threw, thrown again when this file's turn comes, as if the files were read one by one.</summary>
        public ExceptionDispatchInfo? Failure { get; set; }
    }

    /// <summary>Reads and parses one bank file; safe to run for several files at once (each has its own error list).</summary>
    private static ParsedBank ParseBank(LoadContext context, string path, Func<string, bool> skillExists, IReadOnlyList<Level> levels)
    {
        var parsed = new ParsedBank();
        try
        {
            var file = context.Open(path, parsed.Errors);
            if (file is not null)
            {
                parsed.Opened = true;
                parsed.Header = ReadBankHeader(file, skillExists, levels);
                parsed.ErrorCount = file.ErrorCount;
            }
        }
#pragma warning disable CA1031 // Not swallowed: LoadBanks throws it again on the loading thread, in file order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            parsed.Failure = ExceptionDispatchInfo.Capture(ex);
        }

        return parsed;
    }

    /// <summary>What parsing one question file gave, without the file itself: its errors, the question, and what the checks in file order need.</summary>
    private sealed class ParsedQuestion
    {
        public List<ContentError> Errors { get; } = [];

        public Question? Question { get; set; }

        public int ErrorCount { get; set; }

        /// <summary>The line of the 'id' field, where a duplicate id is reported.</summary>
        public int IdLine { get; set; }

        /// <summary>Whatever parsing threw, thrown again when this file's turn comes, as if the files were read one by one.</summary>
        public ExceptionDispatchInfo? Failure { get; set; }
    }

    /// <summary>Reads and parses one question file; safe to run for several files at once (each has its own error list).</summary>
    private static ParsedQuestion ParseQuestion(LoadContext context, string path, string bankId, Func<string, bool> skillExists, List<Level> levels)
    {
        var parsed = new ParsedQuestion();
        try
        {
            var file = context.Open(path, parsed.Errors);
            if (file is not null)
            {
                parsed.Question = ReadQuestion(file, bankId, skillExists, levels);
                parsed.ErrorCount = file.ErrorCount;
                parsed.IdLine = file.LineOf(file.Field("id"));
            }
        }
#pragma warning disable CA1031 // Not swallowed: LoadQuestion throws it again on the loading thread, in file order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            parsed.Failure = ExceptionDispatchInfo.Capture(ex);
        }

        return parsed;
    }

    /// <summary>Takes a parsed question in file order: its errors are reported, a duplicate id is refused, and a broken file keeps its last good version.</summary>
    private static Question? LoadQuestion(
        LoadContext context,
        string path,
        ParsedQuestion parsed,
        string bankId,
        List<Level> levels,
        Func<string, bool> skillExists,
        Dictionary<string, string> questionPaths)
    {
        context.Errors.AddRange(parsed.Errors);
        parsed.Failure?.Throw();
        var question = parsed.Question;
        if (question is not null && question.BankId != bankId)
        {
            question = question with { BankId = bankId }; // Parsed before the bank's header was settled (a kept header, say).
        }
        if (question is not null && parsed.ErrorCount == 0)
        {
            if (questionPaths.TryGetValue(question.Id, out var firstPath))
            {
                context.Errors.Add(new ContentError(question.SourcePath, parsed.IdLine, $"duplicate question id '{question.Id}' (first used in {firstPath})"));
            }
            else
            {
                questionPaths[question.Id] = question.SourcePath;
                return question;
            }
        }

        // Broken now: serve the version the previous catalogue had, if everything it names still exists.
        if (context.PreviousQuestion(path) is { } good && good.BankId == bankId && good.Skills.All(skillExists)
            && levels.Any(l => l.Id == good.LevelId) && questionPaths.TryAdd(good.Id, good.SourcePath))
        {
            context.Keep(path);
            return good;
        }

        return null;
    }

    /// <summary>
    /// Parses a question written in the app: the same format as a bank file, read by the same rules, except that the
    /// app gives the id (an <c>id</c> line is an error) and the question belongs to no bank. Never throws.
    /// </summary>
    /// <param name="id">The id the app gives the question.</param>
    /// <param name="name">How errors name the text, as in <c>name:line: message</c>.</param>
    /// <param name="text">The Markdown with its front matter.</param>
    /// <param name="catalogue">The skill areas and levels the question may name.</param>
    public static (Question? Question, IReadOnlyList<ContentError> Errors) ParseWrittenQuestion(string id, string name, string text, ContentCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<ContentError>();
        try
        {
            var file = SourceFile.Read(name, text, errors);
            var levels = catalogue.Levels.ToList();
            var question = ReadQuestion(file, WrittenInAppBankId, s => catalogue.FindSkill(s) is not null, levels, id);
            return (file.ErrorCount == 0 && question is not null ? question with { SourcePath = string.Empty } : null, errors);
        }
#pragma warning disable CA1031 // A user's text must never take the request down: whatever goes wrong is an error on it.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new ContentError(name, 1, "the question could not be read: " + ex.Message));
            return (null, errors);
        }
    }

    /// <summary>The bank id of questions written in the app: none.</summary>
    public const string WrittenInAppBankId = "";

    /// <summary>Ids starting with this belong to questions written in the app; bank files may not use them.</summary>
    public const string WrittenInAppIdPrefix = "my-";

    private static Question? ReadQuestion(SourceFile file, string bankId, Func<string, bool> skillExists, List<Level> levels, string? assignedId = null)
    {
        var id = assignedId ?? file.RequiredId("id");
        if (assignedId is not null && file.Field("id") is { } idNode)
        {
            file.Error(idNode, "remove the 'id' line: the app gives a question written here its id");
        }
        else if (assignedId is null && id is not null && id.StartsWith(WrittenInAppIdPrefix, StringComparison.Ordinal))
        {
            file.Error(file.Field("id"), $"ids starting with '{WrittenInAppIdPrefix}' are kept for questions written in the app");
        }

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
                prompt = RenderBlocks(file, promptSection.Blocks, promptSection.Line);
            }
        }

        var covers = byName.TryGetValue("What a strong answer covers", out var coversSection) ? MarkdownSections.BulletItems(file, coversSection) : null;
        var followUps = byName.TryGetValue("Follow-ups", out var followUpSection) ? MarkdownSections.BulletItems(file, followUpSection) : null;
        var pitfalls = byName.TryGetValue("Pitfalls", out var pitfallSection) ? MarkdownSections.BulletItems(file, pitfallSection) : [];
        var rubric = byName.TryGetValue("Rubric", out var rubricSection)
            ? RubricCriteria(file, rubricSection)
            : null;
        if (rubric is not null && kind is not null && QuestionKinds.RequiredCriteria.TryGetValue(kind, out var shape))
        {
            foreach (var (word, scores) in shape.Where(r => !rubric.Any(c => c.Title.Contains(r.Word, StringComparison.OrdinalIgnoreCase))))
            {
                file.Error(rubricSection!.Line, $"a '{kind}' question's rubric scores {string.Join(", ", shape.Select(r => r.Scores))}: no criterion's title names '{word}' (for {scores})");
            }
        }

        string? modelAnswer = null;
        if (byName.TryGetValue("Model answer", out var modelSection))
        {
            if (modelSection.Blocks.Count == 0)
            {
                file.Error(modelSection.Line, "section '## Model answer' is empty: write the exemplar answer, or leave the section out");
            }
            else
            {
                modelAnswer = RenderBlocks(file, modelSection.Blocks, modelSection.Line);
            }
        }

        if (file.ErrorCount > 0 || id is null || title is null || skills is null || level is null || kind is null || minutes is null
            || prompt is null || covers is null || followUps is null || pitfalls is null || rubric is null)
        {
            return null;
        }

        return new Question(id, bankId, title, skills, level, kind, minutes.Value, prompt, covers, rubric, followUps, pitfalls, Hash(QuestionText(file.Text)), file.Path)
        {
            ModelAnswerHtml = modelAnswer,
        };
    }

    /// <summary>
    /// The rubric: each criterion anchored from 1 up to the rubric's scale (3 to 5 levels, 4 in the shipped banks), the
    /// same scale for every criterion so that their scores can be averaged.
    /// </summary>
    private static List<RubricCriterion>? RubricCriteria(SourceFile file, MarkdownSection section)
    {
        var criteria = MarkdownSections.AnchoredItems(file, section, RubricScale.FewestLevels..RubricScale.MostLevels, "rubric criterion");
        if (criteria is null)
        {
            return null;
        }

        var scale = criteria[0].Anchors.Count;
        foreach (var (heading, line, anchors) in criteria.Where(c => c.Anchors.Count != scale))
        {
            file.Error(line, $"rubric criterion '{heading}' has {anchors.Count} anchors but '{criteria[0].Heading}' has {scale}: every criterion of a rubric uses the same scale");
        }

        return criteria.Select(c => new RubricCriterion(c.Heading, c.Anchors)).ToList();
    }

    /// <summary>Rendered blocks, or null after an error at <paramref name="line"/> when they are nested too deeply to render.</summary>
    private static string? RenderBlocks(SourceFile file, IReadOnlyList<Markdig.Syntax.Block> blocks, int line)
    {
        if (SafeMarkdown.TryRender(blocks, out var html))
        {
            return html;
        }

        file.Error(line, MarkdownSections.NestedTooDeeply);
        return null;
    }

    /// <summary>
    /// The part of a question file that an answer responds to: everything before its model answer. Adding or editing a
    /// model answer (always the last section) does not tell earlier answers that their question changed.
    /// </summary>
    private static string QuestionText(string text)
    {
        var match = ModelAnswerHeading().Match(text);
        return match.Success ? text[..match.Index].TrimEnd() + "\n" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^##[ \t]+Model answer[ \t]*\r?$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ModelAnswerHeading();

    private static string Hash(string text)
    {
        // The UTF-8 bytes are only hashed, so they go in a pooled buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [GeneratedRegex(@"^(?<text>.*?)\s*\{#(?<id>[^}\s]*)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorHeading();
}
