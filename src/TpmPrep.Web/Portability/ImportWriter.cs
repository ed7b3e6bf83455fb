using Microsoft.EntityFrameworkCore;
using TpmPrep.Content.Loading;
using TpmPrep.Content.Model;
using TpmPrep.Content.Scoring;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;
using TpmPrep.Web.Access;
using TpmPrep.Web.Infrastructure;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Lists;
using TpmPrep.Web.Questions;

namespace TpmPrep.Web.Portability;

/// <summary>
/// Writes a checked export into its account in batches of about <see cref="BatchRows"/> rows, each batch
/// its own short transaction that also moves the job's progress on, so other people's writes never wait
/// long. It only adds: a record the account already has is skipped, so a run that stopped half way can
/// simply be run again.
/// </summary>
public sealed class ImportWriter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int BatchRows = 1000;

    /// <summary>
    /// On SQLite, a pause after each batch: a writer waiting for the file's one write lock polls at most every
    /// 100 ms, and without a gap that long between batches it could wait for the whole import.
    /// </summary>
    private static readonly TimeSpan SqliteWriterGap = TimeSpan.FromMilliseconds(110);

    /// <param name="jobId">The job, claimed by the caller.</param>
    /// <param name="heartbeatUtc">The heartbeat the claim wrote: each batch moves it on only if no one else has since.</param>
    public async Task RunAsync(int jobId, DateTime heartbeatUtc, CancellationToken cancellationToken)
    {
        using var run = await ImportRun.StartAsync(scopes, clock, jobId, heartbeatUtc, cancellationToken);
        await run.WriteAsync(cancellationToken);
    }

    private sealed class ImportRun : IDisposable
    {
        private readonly IServiceScopeFactory _scopes;
        private readonly TimeProvider _clock;
        private readonly int _jobId;
        private readonly string _userId;
        private readonly ExportDocument _document;
        private readonly Dictionary<(string QuestionId, DateTime CreatedUtc), int> _attempts;
        private readonly HashSet<string> _schedules;
        private readonly HashSet<DateTime> _assessments;
        private readonly HashSet<DateTime> _sessions;
        private readonly Dictionary<int, (string QuestionId, DateTime CreatedUtc)> _refs = [];
        private readonly Dictionary<string, int> _writtenByText;
        private readonly Dictionary<string, string> _questionIds = new(StringComparer.Ordinal);
        private readonly ContentCatalogue _catalogue;
        private readonly List<(Attempt Entity, (string, DateTime) Key)> _pendingAttempts = [];
        private readonly List<string> _notes = [];
        private bool _hasUnfinishedAssessment;
        private DateTime _heartbeatUtc;
        private IServiceScope? _scope;
        private int _rows;
        private int _done;
        private int _skipped;
        private int _addedAttempts;
        private int _addedSchedules;
        private int _addedAssessments;
        private int _addedSessions;
        private int _addedQuestions;

        private ImportRun(IServiceScopeFactory scopes, TimeProvider clock, int jobId, DateTime heartbeatUtc, string userId, ExportDocument document, Existing existing, ContentCatalogue catalogue)
        {
            _scopes = scopes;
            _heartbeatUtc = heartbeatUtc;
            _clock = clock;
            _jobId = jobId;
            _userId = userId;
            _document = document;
            _attempts = existing.Attempts;
            _schedules = existing.Schedules;
            _assessments = existing.Assessments;
            _sessions = existing.Sessions;
            _hasUnfinishedAssessment = existing.HasUnfinishedAssessment;
            _writtenByText = existing.WrittenByText;
            _catalogue = catalogue;
        }

        private AppDbContext Db => (_scope ??= _scopes.CreateScope()).ServiceProvider.GetRequiredService<AppDbContext>();

        public static async Task<ImportRun> StartAsync(IServiceScopeFactory scopes, TimeProvider clock, int jobId, DateTime heartbeatUtc, CancellationToken cancellationToken)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == jobId)
                .Select(j => new { j.UserId, Document = db.ImportJobDocuments.Where(d => d.ImportJobId == j.Id).Select(d => d.Json).FirstOrDefault() })
                .SingleAsync(cancellationToken);
            var document = DataPortability.FromJson(job.Document ?? throw new InvalidOperationException($"import {jobId} has no document"));
            var existing = new Existing(
                (await db.Attempts.AsNoTracking().Where(a => a.UserId == job.UserId).Select(a => new { a.QuestionId, a.CreatedUtc, a.Id }).ToListAsync(cancellationToken))
                    .ToDictionary(a => (a.QuestionId, Key(a.CreatedUtc)), a => a.Id),
                (await db.ReviewSchedules.AsNoTracking().Where(r => r.UserId == job.UserId).Select(r => r.QuestionId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
                (await db.Assessments.AsNoTracking().Where(a => a.UserId == job.UserId).Select(a => a.StartedUtc).ToListAsync(cancellationToken)).Select(Key).ToHashSet(),
                (await db.PracticeSessions.AsNoTracking().Where(s => s.UserId == job.UserId).Select(s => s.CreatedUtc).ToListAsync(cancellationToken)).Select(Key).ToHashSet(),
                await db.Assessments.AnyAsync(a => a.UserId == job.UserId && a.CompletedUtc == null, cancellationToken),
                (await db.CustomQuestions.AsNoTracking().Where(q => q.AuthorId == job.UserId).Select(q => new { q.Markdown, q.Id }).ToListAsync(cancellationToken))
                    .GroupBy(q => q.Markdown, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(q => q.Id), StringComparer.Ordinal));
            return new ImportRun(scopes, clock, jobId, heartbeatUtc, job.UserId, document, existing, scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current);
        }

        public async Task WriteAsync(CancellationToken cancellationToken)
        {
            // Questions first: they get new ids here, which the attempts, schedules and sessions below are moved to.
            await AddQuestionsAsync(cancellationToken);
            foreach (var attempt in _document.Attempts ?? [])
            {
                AddAttempt(attempt);
                await FlushWhenFullAsync(cancellationToken);
            }

            foreach (var schedule in _document.ReviewSchedules ?? [])
            {
                AddSchedule(schedule);
                await FlushWhenFullAsync(cancellationToken);
            }

            foreach (var assessment in _document.Assessments ?? [])
            {
                AddAssessment(assessment);
                await FlushWhenFullAsync(cancellationToken);
            }

            // Sessions point at attempts by id: every attempt has one by now.
            await FlushAsync(cancellationToken);
            foreach (var session in _document.Sessions ?? [])
            {
                AddSession(session);
                await FlushWhenFullAsync(cancellationToken);
            }

            await AddListsAsync(cancellationToken);
            await AddQuickReviewsAsync(cancellationToken);
            await FlushAsync(cancellationToken, finished: true);
        }

        /// <summary>Quick reviews are history: each is added unless one of the same question at the same time is there.</summary>
        private async Task AddQuickReviewsAsync(CancellationToken cancellationToken)
        {
            if ((_document.QuickReviews?.Count ?? 0) == 0)
            {
                return;
            }

            var db = Db;
            var existing = (await db.QuickReviews.AsNoTracking().Where(r => r.UserId == _userId).Select(r => new { r.QuestionId, r.CreatedUtc }).ToListAsync(cancellationToken))
                .Select(r => (r.QuestionId, Key(r.CreatedUtc))).ToHashSet();
            foreach (var r in _document.QuickReviews!)
            {
                _done++;
                var questionId = QuestionId(r.QuestionId!);
                var created = Time(r.CreatedUtc!.Value);
                if (!existing.Add((questionId, Key(created))))
                {
                    _skipped++;
                    continue;
                }

                var covered = (r.Covered ?? []).Distinct().Order().ToList();
                db.QuickReviews.Add(new QuickReview
                {
                    UserId = _userId, QuestionId = questionId, Outline = r.Outline!, Covered = string.Join(',', covered), CoveredCount = covered.Count,
                    PointCount = r.PointCount ?? covered.Count, TimeTakenSeconds = r.TimeTakenSeconds ?? 0, CreatedUtc = created,
                });
                _rows++;
            }
        }

        /// <summary>
        /// The bookmarks join the importer's bookmarks, and a list joins their list of the same name (or is made): the
        /// questions it lacks are added at its end, within the limits. Questions no longer in the library are left out.
        /// </summary>
        private async Task AddListsAsync(CancellationToken cancellationToken)
        {
            if ((_document.Lists?.Count ?? 0) == 0)
            {
                return;
            }

            var db = Db;
            var existing = await db.QuestionSets.Include(s => s.Items)
                .Where(s => s.OwnerId == _userId && (s.Purpose == QuestionSetPurpose.List || s.Purpose == QuestionSetPurpose.Bookmarks))
                .OrderBy(s => s.Id)
                .ToListAsync(cancellationToken);
            var now = _clock.GetUtcNow().UtcDateTime;
            int added = 0, merged = 0, left = 0;
            foreach (var list in _document.Lists!)
            {
                _done++;
                var bookmarks = list.Bookmarks == true;
                var name = bookmarks ? QuestionLists.BookmarksName : list.Name!.Trim();
                var set = bookmarks
                    ? existing.FirstOrDefault(s => s.Purpose == QuestionSetPurpose.Bookmarks)
                    : existing.FirstOrDefault(s => s.Purpose == QuestionSetPurpose.List && string.Equals(s.Title, name, StringComparison.Ordinal));
                if (set is null)
                {
                    if (!bookmarks && existing.Count(s => s.Purpose == QuestionSetPurpose.List) >= QuestionLists.MaxLists)
                    {
                        _skipped++;
                        _notes.Add($"The list “{name}” was not added: an account has at most {QuestionLists.MaxLists} lists.");
                        continue;
                    }

                    set = new QuestionSet
                    {
                        OwnerId = _userId,
                        Purpose = bookmarks ? QuestionSetPurpose.Bookmarks : QuestionSetPurpose.List,
                        Title = name,
                        CreatedUtc = list.CreatedUtc is { } created ? Time(created) : now,
                        UpdatedUtc = list.UpdatedUtc is { } updated ? Time(updated) : now,
                        Version = 1,
                    };
                    db.QuestionSets.Add(set);
                    existing.Add(set);
                    added++;
                }
                else
                {
                    merged++;
                }

                var limit = bookmarks ? QuestionLists.MaxBookmarks : QuestionLists.MaxQuestionsPerList;
                var next = set.Items.Count == 0 ? 1 : set.Items.Max(i => i.Position) + 1;
                foreach (var questionId in (list.QuestionIds ?? []).Distinct(StringComparer.Ordinal))
                {
                    if (_catalogue.FindQuestion(questionId) is null)
                    {
                        left++;
                    }
                    else if (set.Items.Count < limit && !set.Items.Any(i => i.QuestionId == questionId))
                    {
                        set.Items.Add(new QuestionSetItem { Position = next++, QuestionId = questionId });
                    }
                }

                _rows += 1 + set.Items.Count;
            }

            _notes.Add($"Lists: {added} added, {merged} joined to one of the same name{(left > 0 ? $"; {left} of their questions are no longer in the library and were left out" : "")}.");
        }

        public void Dispose() => _scope?.Dispose();

        private void AddAttempt(ExportAttempt a)
        {
            _done++;
            var created = Time(a.CreatedUtc!.Value);
            var questionId = QuestionId(a.QuestionId!);
            var key = (questionId, Key(created));
            if (a.Ref is int reference)
            {
                _refs[reference] = key;
            }

            if (!_attempts.TryAdd(key, 0))
            {
                _skipped++;
                return;
            }

            var levels = a.Scores is [var first, ..] ? first.Levels ?? RubricScale.CommonLevels : RubricScale.CommonLevels;
            var scores = (a.Scores ?? []).Select(s => new AttemptScore
            {
                CriterionIndex = s.CriterionIndex!.Value,
                Criterion = s.Criterion ?? string.Empty,
                Score = s.Score!.Value,
                Levels = levels,
                GradedById = _userId,
                GraderRole = GraderRole.Self,
            }).ToList();
            var attempt = new Attempt
            {
                UserId = _userId,
                QuestionId = questionId,
                BankId = a.BankId ?? string.Empty,
                QuestionTitle = a.QuestionTitle ?? a.QuestionId!,
                QuestionTextHash = a.QuestionTextHash ?? string.Empty,
                Answer = a.Answer!,
                TimeTakenSeconds = a.TimeTakenSeconds ?? 0,
                CreatedUtc = created,
                GradedUtc = a.GradedUtc is { } graded ? Time(graded) : null,
                AverageScore = scores.Count > 0 ? RubricScale.ToCommon(scores.Average(s => s.Score), levels) : null,
                Notes = a.Notes,
                Scores = scores,
                Threads = (a.Threads ?? []).Select(t => new CommentThread
                {
                    CandidateId = _userId,
                    // The coach's account does not travel: the thread keeps the name, and only the candidate can answer it.
                    CoachName = t.Coach!,
                    CriterionIndex = t.CriterionIndex,
                    Criterion = t.Criterion,
                    CreatedUtc = Time(t.CreatedUtc!.Value),
                    ResolvedUtc = t.ResolvedUtc is { } resolved ? Time(resolved) : null,
                    Comments = t.Comments!.Select(c => new ThreadComment
                    {
                        FromCoach = c.FromCoach!.Value,
                        AuthorName = c.Author!,
                        Body = c.Body!,
                        CreatedUtc = Time(c.CreatedUtc!.Value),
                        // Read before it was exported: an import brings no unread markers.
                        SeenUtc = Time(c.CreatedUtc!.Value),
                    }).ToList(),
                }).ToList(),
            };
            foreach (var grade in a.CoachGrades ?? [])
            {
                var gradeLevels = grade.Scores is [var firstScore, ..] ? firstScore.Levels ?? RubricScale.CommonLevels : RubricScale.CommonLevels;
                attempt.Scores.AddRange(grade.Scores!.Select(s => new AttemptScore
                {
                    CriterionIndex = s.CriterionIndex!.Value,
                    Criterion = s.Criterion ?? string.Empty,
                    Score = s.Score!.Value,
                    Levels = gradeLevels,
                    GradedById = "import:" + grade.Coach,
                    GraderName = grade.Coach,
                    GradedUtc = grade.GradedUtc is { } gradedAt ? Time(gradedAt) : null,
                    GraderRole = GraderRole.Coach,
                }));
            }

            attempt.FollowUpIndex = a.FollowUpIndex;
            attempt.FollowUpPrompt = a.FollowUpIndex is null ? null : a.FollowUpPrompt ?? string.Empty;
            if (a.Recording is { } recording)
            {
                attempt.AudioContentType = recording.ContentType!.Split(';')[0].Trim().ToLowerInvariant();
                attempt.AudioBytes = Convert.FromBase64String(recording.Base64!).Length;
            }

            Db.Attempts.Add(attempt);
            _pendingAttempts.Add((attempt, key));
            _addedAttempts++;
            _rows += attempt.Scores.Count + 1 + attempt.Threads.Sum(t => 1 + t.Comments.Count);
        }

        private void AddSchedule(ExportReviewSchedule r)
        {
            _done++;
            var questionId = QuestionId(r.QuestionId!);
            if (!_schedules.Add(questionId))
            {
                _skipped++;
                return;
            }

            // An older export may hold an interval past today's cap: bring it within, as a review now would.
            var latestDue = _clock.GetUtcNow().UtcDateTime.AddDays(ReviewScheduling.MaximumIntervalDays);
            var due = Time(r.DueUtc!.Value);
            Db.ReviewSchedules.Add(new ReviewSchedule
            {
                UserId = _userId,
                QuestionId = questionId,
                Repetitions = r.Repetitions ?? 0,
                EaseFactor = r.EaseFactor ?? ReviewScheduling.InitialEase,
                IntervalDays = Math.Min(r.IntervalDays ?? 0, ReviewScheduling.MaximumIntervalDays),
                DueUtc = due > latestDue ? latestDue : due,
                LastReviewedUtc = r.LastReviewedUtc is { } reviewed ? Time(reviewed) : due,
                LastQuality = r.LastQuality ?? 0,
                Retired = r.Retired ?? false,
            });
            _addedSchedules++;
            _rows++;
        }

        private void AddAssessment(ExportAssessment a)
        {
            _done++;
            var started = Time(a.StartedUtc!.Value);
            if (!_assessments.Add(Key(started)))
            {
                _skipped++;
                return;
            }

            if (a.CompletedUtc is null && _hasUnfinishedAssessment)
            {
                // The account's own assessment in progress wins: it is the one its owner is working on.
                _skipped++;
                _notes.Add($"The unfinished self-assessment in the file (started {started:d MMMM yyyy}) was left out: this account already has one in progress, and that one stays.");
                return;
            }

            _hasUnfinishedAssessment |= a.CompletedUtc is null;
            var updated = a.UpdatedUtc is { } u ? Time(u) : started;
            Db.Assessments.Add(new Assessment
            {
                UserId = _userId,
                TargetLevelId = a.TargetLevelId!,
                StartedUtc = started,
                UpdatedUtc = updated,
                CompletedUtc = a.CompletedUtc is { } completed ? Time(completed) : null,
                ModelSnapshot = a.ModelSnapshot,
                Ratings = (a.Ratings ?? []).Select(r => new AssessmentRating { IndicatorId = r.IndicatorId!, SkillId = r.SkillId ?? string.Empty, Rating = r.Rating, UpdatedUtc = updated }).ToList(),
                AreaScores = (a.AreaScores ?? []).Select(s => new AssessmentAreaScore { SkillId = s.SkillId!, Score = s.Score ?? 0, Target = s.Target ?? 0 }).ToList(),
            });
            _addedAssessments++;
            _rows += 1 + (a.Ratings?.Count ?? 0) + (a.AreaScores?.Count ?? 0);
        }

        private void AddSession(ExportSession s)
        {
            _done++;
            var created = Time(s.CreatedUtc!.Value);
            if (!_sessions.Add(Key(created)))
            {
                _skipped++;
                return;
            }

            Db.PracticeSessions.Add(new PracticeSession
            {
                UserId = _userId,
                Mode = Enum.Parse<SessionMode>(s.Mode!),
                Description = s.Description ?? "Imported session",
                TotalMinutes = s.TotalMinutes ?? 0,
                CreatedUtc = created,
                StartedUtc = s.StartedUtc is { } started ? Time(started) : null,
                CompletedUtc = s.CompletedUtc is { } completed ? Time(completed) : null,
                Items = (s.Items ?? []).Select(i => new PracticeSessionItem
                {
                    Position = i.Position!.Value,
                    QuestionId = QuestionId(i.QuestionId!),
                    AttemptId = i.AttemptRef is int reference && _refs.TryGetValue(reference, out var key) && _attempts.TryGetValue(key, out var id) && id > 0 ? id : null,
                    ShownUtc = i.ShownUtc is { } shown ? Time(shown) : null,
                    WentOvertime = i.WentOvertime ?? false,
                }).ToList(),
            });
            _addedSessions++;
            _rows += 1 + (s.Items?.Count ?? 0);
        }

        /// <summary>
        /// Adds the export's questions written in the app as the importer's own, a question whose text they already
        /// have mapped to that one (so importing twice adds nothing), and saves them to learn their new ids.
        /// </summary>
        private async Task AddQuestionsAsync(CancellationToken cancellationToken)
        {
            var added = new List<(string OldId, CustomQuestion Entity)>();
            foreach (var q in _document.Questions ?? [])
            {
                _done++;
                if (_writtenByText.TryGetValue(q.Markdown!, out var existingId))
                {
                    _questionIds[q.Id!] = QuestionSource.IdOf(existingId);
                    _skipped++;
                    continue;
                }

                var entity = new CustomQuestion
                {
                    AuthorId = _userId,
                    Title = TitleOf(q.Markdown!),
                    Markdown = q.Markdown!,
                    CreatedUtc = Time(q.CreatedUtc!.Value),
                    UpdatedUtc = Time(q.UpdatedUtc ?? q.CreatedUtc!.Value),
                    Version = 1,
                };
                Db.CustomQuestions.Add(entity);
                added.Add((q.Id!, entity));
                _rows++;
            }

            if (added.Count == 0)
            {
                return;
            }

            await FlushAsync(cancellationToken);
            foreach (var (oldId, entity) in added)
            {
                _questionIds[oldId] = QuestionSource.IdOf(entity.Id);
                _writtenByText[entity.Markdown] = entity.Id;
                _addedQuestions++;
            }
        }

        /// <summary>Where a question of the export now lives: a written question's new id, a bank question's own.</summary>
        private string QuestionId(string exported) => _questionIds.GetValueOrDefault(exported, exported);

        /// <summary>The title the bank files' parser reads, for lists; a text that does not parse today is kept, to be fixed by its author.</summary>
        private string TitleOf(string markdown) =>
            ContentLoader.ParseWrittenQuestion(QuestionSource.IdOf(1), "question", markdown, _catalogue).Question?.Title is { Length: <= 200 } title
                ? title
                : "Imported question";

        private Task FlushWhenFullAsync(CancellationToken cancellationToken) =>
            _rows >= BatchRows ? FlushAsync(cancellationToken) : Task.CompletedTask;

        /// <summary>
        /// Writes the batch and the job's progress in one transaction, then starts the next batch with an empty
        /// change tracker. The progress update only goes through while the job's heartbeat is the one this run
        /// last wrote: if another instance has taken the job over, the batch is rolled back and the run stops.
        /// </summary>
        private async Task FlushAsync(CancellationToken cancellationToken, bool finished = false)
        {
            var db = Db;
            var now = _clock.GetUtcNow().UtcDateTime;
            var notes = _notes.Count == 0 ? null : string.Join(" ", _notes.Distinct());
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                if (_pendingAttempts.Count > 0)
                {
                    await ProgressRollups.MarkStaleAsync(db, _userId, cancellationToken);
                }

                var updated = await db.ImportJobs
                    .Where(j => j.Id == _jobId && j.Status == ImportStatus.Running && j.HeartbeatUtc == _heartbeatUtc)
                    .ExecuteUpdateAsync(
                        job => job
                            .SetProperty(j => j.DoneRecords, _done)
                            .SetProperty(j => j.HeartbeatUtc, now)
                            .SetProperty(j => j.AddedAttempts, _addedAttempts)
                            .SetProperty(j => j.AddedReviewSchedules, _addedSchedules)
                            .SetProperty(j => j.AddedAssessments, _addedAssessments)
                            .SetProperty(j => j.AddedSessions, _addedSessions)
                            .SetProperty(j => j.AddedQuestions, _addedQuestions)
                            .SetProperty(j => j.Skipped, _skipped)
                            .SetProperty(j => j.Status, finished ? ImportStatus.Succeeded : ImportStatus.Running)
                            .SetProperty(j => j.CompletedUtc, finished ? now : null)
                            .SetProperty(j => j.Message, finished ? notes : null),
                        cancellationToken);
                if (updated == 0)
                {
                    throw new DbUpdateConcurrencyException($"import {_jobId} was taken over by another instance");
                }

                if (finished)
                {
                    await db.ImportJobDocuments.Where(d => d.ImportJobId == _jobId).ExecuteDeleteAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            _heartbeatUtc = now;
            foreach (var (entity, key) in _pendingAttempts)
            {
                _attempts[key] = entity.Id;
            }

            // Spoken answers are files named by the attempt's id: written once the ids are known.
            var recordings = _scope!.ServiceProvider.GetRequiredService<AnswerRecordings>(); // the same scope, so the same context as db
            foreach (var (entity, _) in _pendingAttempts.Where(p => p.Entity.AudioContentType is not null))
            {
                var source = _document.Attempts!.FirstOrDefault(a => a.Recording is not null && Time(a.CreatedUtc!.Value) == entity.CreatedUtc && a.QuestionId is { } q && QuestionId(q) == entity.QuestionId);
                if (source is null)
                {
                    continue;
                }

                using var audio = new MemoryStream(Convert.FromBase64String(source.Recording!.Base64!));
                await recordings.WriteAsync(_userId, entity.Id, audio, cancellationToken);
            }

            _pendingAttempts.Clear();
            _rows = 0;
            var sqlite = db.Database.IsSqlite();
            _scope?.Dispose();
            _scope = null;
            if (sqlite && !finished)
            {
                await Task.Delay(SqliteWriterGap, cancellationToken);
            }
        }

        private static DateTime Time(DateTime value) => ExportValidator.Utc(value);

        /// <summary>
        /// A time as a key, to the microsecond: what every supported database keeps, so that a record is
        /// recognised when it comes back from a database that dropped the last digit.
        /// </summary>
        private static DateTime Key(DateTime value) => new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

        private sealed record Existing(
            Dictionary<(string QuestionId, DateTime CreatedUtc), int> Attempts,
            HashSet<string> Schedules,
            HashSet<DateTime> Assessments,
            HashSet<DateTime> Sessions,
            bool HasUnfinishedAssessment,
            Dictionary<string, int> WrittenByText);
    }
}
