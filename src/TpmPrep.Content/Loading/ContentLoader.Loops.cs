using TpmPrep.Content.Model;

namespace TpmPrep.Content.Loading;

/// <summary>The ready-made interview loops: <c>kits/&lt;loop&gt;/_loop.md</c> and one file a kit, read after the banks they name.</summary>
public static partial class ContentLoader
{
    public const string LoopFileName = "_loop.md";

    /// <summary>The most interviews a loop has (a full onsite is four to six).</summary>
    public const int MaxLoopKits = 10;

    /// <summary>
    /// Every loop folder under <c>kits/</c> (the folder is optional). A broken kit or loop file keeps the version the
    /// previous catalogue had, if every question and skill area it names still exists; otherwise it is left out.
    /// </summary>
    private static List<InterviewLoop> LoadLoops(LoadContext context, List<SkillArea> skills, List<Level> levels, List<QuestionBank> banks)
    {
        var loops = new List<InterviewLoop>();
        var folder = Path.Combine(context.Root, "kits");
        if (!Directory.Exists(folder))
        {
            return loops;
        }

        var questionIds = banks.Where(b => b.LevelId is null).SelectMany(b => b.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        bool SkillExists(string id) => skills.Any(s => s.Id == id);
        bool StillValid(ReadyKit kit) => kit.Focus.All(SkillExists) && kit.QuestionIds.All(questionIds.Contains) && levels.Any(l => l.Id == kit.LevelId);
        var kitIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var loopFolder in context.Folders(folder))
        {
            var loopPath = Path.Combine(loopFolder, LoopFileName);
            var kitFiles = context.MarkdownFiles(loopFolder).Where(p => Path.GetFileName(p) != LoopFileName).ToList();
            if (!File.Exists(loopPath))
            {
                context.Errors.Add(new ContentError(context.Display(loopPath), 0, $"loop folder has no {LoopFileName}; its {kitFiles.Count} kit files are not loaded"));
                continue;
            }

            var loopFile = context.Open(loopPath);
            var header = loopFile is null ? null : ReadLoopHeader(loopFile, levels);
            if (loopFile is null || loopFile.ErrorCount > 0 || header is null)
            {
                if (context.PreviousLoop(loopPath) is { } good && levels.Any(l => l.Id == good.LevelId))
                {
                    context.Keep(loopPath);
                    header = good with { Kits = [] };
                }
                else
                {
                    context.Errors.Add(new ContentError(context.Display(loopPath), 1, $"loop not loaded, so its {kitFiles.Count} kit files are not loaded either"));
                    continue;
                }
            }

            if (loops.Any(l => l.Id == header.Id))
            {
                context.Errors.Add(new ContentError(context.Display(loopPath), 1, $"duplicate loop id '{header.Id}'"));
                continue;
            }

            if (kitFiles.Count > MaxLoopKits)
            {
                context.Errors.Add(new ContentError(context.Display(loopPath), 1, $"the loop has {kitFiles.Count} kit files; a loop has at most {MaxLoopKits} interviews (the first {MaxLoopKits} are loaded)"));
                kitFiles = kitFiles.Take(MaxLoopKits).ToList();
            }

            var kits = new List<ReadyKit>();
            foreach (var kitPath in kitFiles)
            {
                var file = context.Open(kitPath);
                var kit = file is null ? null : ReadKit(file, header, kits.Count + 1, SkillExists, questionIds.Contains, levels);
                if (kit is not null && file!.ErrorCount == 0)
                {
                    if (kitIds.TryGetValue(kit.Id, out var first))
                    {
                        context.Errors.Add(new ContentError(kit.SourcePath, file.LineOf(file.Field("id")), $"duplicate kit id '{kit.Id}' (first used in {first})"));
                    }
                    else
                    {
                        kitIds[kit.Id] = kit.SourcePath;
                        kits.Add(kit);
                        continue;
                    }
                }

                if (context.PreviousKit(kitPath) is { } good && good.LoopId == header.Id && StillValid(good) && kitIds.TryAdd(good.Id, good.SourcePath))
                {
                    context.Keep(kitPath);
                    kits.Add(good with { Position = kits.Count + 1 });
                }
            }

            if (kits.Count == 0)
            {
                context.Errors.Add(new ContentError(context.Display(loopPath), 1, "the loop has no kit that loads: add one file a kit beside this one"));
                continue;
            }

            loops.Add(header with { Kits = kits });
        }

        return loops.OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
    }

    private static InterviewLoop? ReadLoopHeader(SourceFile file, List<Level> levels)
    {
        var (id, title, order) = file.Identity(titleLimit: 120);
        var summary = file.RequiredString("summary", 300);
        var level = KnownLevel(file, file.RequiredString("level", 80), levels);
        file.RejectUnknownFields();
        var sections = IntroductionOnly(file, "a loop");

        if (id is null || title is null || summary is null || level is null || sections is null)
        {
            return null;
        }

        var introduction = RenderBlocks(file, sections.Preamble, file.BodyStartLine);
        return introduction is null ? null : new InterviewLoop(id, title, summary, level, order, introduction, file.Path, []);
    }

    /// <summary>A kit file: the bank header of an exported kit (its level that of the loop) and the questions it asks.</summary>
    private static ReadyKit? ReadKit(SourceFile file, InterviewLoop loop, int position, Func<string, bool> skillExists, Func<string, bool> questionExists, List<Level> levels)
    {
        // Asked first, so that the bank header's check for unknown fields knows it.
        var questions = file.IdList("questions", 1, 40, questionExists, "question");
        var header = ReadBankHeader(file, skillExists, levels);
        if (header is null)
        {
            return null;
        }

        if (header.LevelId is null)
        {
            file.Error(file.FrontMatterLine, $"missing required field 'level' (this loop is for '{loop.LevelId}')");
            return null;
        }

        if (header.LevelId != loop.LevelId)
        {
            file.Error(file.Field("level"), $"the kit is for '{header.LevelId}' but its loop ({loop.Id}) is for '{loop.LevelId}'");
            return null;
        }

        return questions is null ? null
            : new ReadyKit(header.Id, loop.Id, position, header.Title, header.Summary, header.LevelId, header.Skills, questions, file.Body.Trim(), header.IntroductionHtml, file.Path);
    }
}
