using System.Collections.Frozen;

namespace TpmPrep.Content.Model;

/// <summary>
/// Everything loaded from one content folder: immutable, so a reload swaps the whole catalogue and
/// readers see either the old one or the new one.
/// </summary>
public sealed class ContentCatalogue
{
    private readonly Dictionary<string, int> _byPrimarySkill;
    private readonly Dictionary<string, int> _byLevel;
    private readonly FrozenDictionary<string, SkillArea> _skillsById;
    private readonly FrozenDictionary<string, Level> _levelsById;
    private readonly FrozenDictionary<string, QuestionBank> _banksById;
    private readonly FrozenDictionary<string, Question> _questionsById;
    private readonly FrozenDictionary<string, InterviewLoop> _loopsById;

    public ContentCatalogue(
        IReadOnlyList<SkillArea> skills,
        IReadOnlyList<Level> levels,
        IReadOnlyList<QuestionBank> banks,
        IReadOnlyList<ContentError> errors,
        DateTime loadedAtUtc,
        IReadOnlyList<string>? keptFiles = null,
        IReadOnlyList<InterviewLoop>? loops = null)
    {
        Loops = loops ?? [];
        _loopsById = Loops.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        Skills = skills;
        Levels = levels;
        Banks = banks;
        Errors = errors;
        LoadedAtUtc = loadedAtUtc;
        KeptFiles = keptFiles ?? [];
        _skillsById = skills.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _levelsById = levels.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        _banksById = banks.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);
        _questionsById = banks.SelectMany(b => b.Questions).ToFrozenDictionary(q => q.Id, StringComparer.Ordinal);
        // Both counts in one pass over the questions, each dictionary in the order of its skill areas or levels.
        _byPrimarySkill = new Dictionary<string, int>(skills.Count, StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            _byPrimarySkill.Add(skill.Id, 0);
        }

        _byLevel = new Dictionary<string, int>(levels.Count, StringComparer.Ordinal);
        foreach (var level in levels)
        {
            _byLevel.Add(level.Id, 0);
        }

        foreach (var question in _questionsById.Values)
        {
            if (_byPrimarySkill.TryGetValue(question.PrimarySkill, out var skillCount))
            {
                _byPrimarySkill[question.PrimarySkill] = skillCount + 1;
            }

            if (_byLevel.TryGetValue(question.LevelId, out var levelCount))
            {
                _byLevel[question.LevelId] = levelCount + 1;
            }
        }
    }

    public static ContentCatalogue Empty { get; } = new([], [], [], [], DateTime.UnixEpoch);

    public IReadOnlyList<SkillArea> Skills { get; }

    public IReadOnlyList<Level> Levels { get; }

    public IReadOnlyList<QuestionBank> Banks { get; }

    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>The ready-made interview loops, each a list of kits a hiring manager can start from.</summary>
    public IReadOnlyList<InterviewLoop> Loops { get; }

    public InterviewLoop? FindLoop(string id) => _loopsById.GetValueOrDefault(id);

    /// <summary>Files that had errors on this load and are served as they were at the last good load.</summary>
    public IReadOnlyList<string> KeptFiles { get; }

    public DateTime LoadedAtUtc { get; }

    public IEnumerable<Question> Questions => _questionsById.Values;

    public int QuestionCount => _questionsById.Count;

    public SkillArea? FindSkill(string id) => _skillsById.GetValueOrDefault(id);

    public Level? FindLevel(string id) => _levelsById.GetValueOrDefault(id);

    public QuestionBank? FindBank(string id) => _banksById.GetValueOrDefault(id);

    public Question? FindQuestion(string id) => _questionsById.GetValueOrDefault(id);

    public string SkillTitle(string id) => FindSkill(id)?.Title ?? id;

    public string LevelTitle(string id) => FindLevel(id)?.Title ?? id;

    /// <summary>Number of questions per primary skill area, every known area listed.</summary>
    public IReadOnlyDictionary<string, int> QuestionsByPrimarySkill() => _byPrimarySkill;

    /// <summary>Number of questions per level, every known level listed.</summary>
    public IReadOnlyDictionary<string, int> QuestionsByLevel() => _byLevel;

    /// <summary>The same content with the errors of a later, failed load, which kept every file as it was.</summary>
    public ContentCatalogue KeptAfterFailedLoad(IReadOnlyList<ContentError> errors, DateTime loadedAtUtc)
    {
        var files = Skills.Select(s => s.SourcePath)
            .Concat(Levels.Select(l => l.SourcePath))
            .Concat(Banks.Select(b => b.SourcePath))
            .Concat(Questions.Select(q => q.SourcePath))
            .Concat(Loops.Select(l => l.SourcePath))
            .Concat(Loops.SelectMany(l => l.Kits).Select(k => k.SourcePath))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ContentCatalogue(Skills, Levels, Banks, errors, loadedAtUtc, files, Loops);
    }
}
