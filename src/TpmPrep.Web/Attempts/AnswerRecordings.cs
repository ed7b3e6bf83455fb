using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TpmPrep.Web.Access;
using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Attempts;

/// <summary>
/// Turns a recording into text, where a local speech model is available. None ships (there is no speech model here):
/// register an implementation in place of <see cref="NoTranscriber"/> and a spoken answer with no typed text gets the
/// transcript as its answer; until then it is kept as audio with a line saying so.
/// </summary>
public interface ITranscriber
{
    /// <summary>The words spoken, or null when this transcriber cannot say.</summary>
    Task<string?> TranscribeAsync(Stream audio, string contentType, CancellationToken cancellationToken);
}

/// <summary>The transcriber in force when none is configured: it never has a transcript.</summary>
public sealed class NoTranscriber : ITranscriber
{
    public Task<string?> TranscribeAsync(Stream audio, string contentType, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Spoken answers: the audio of an attempt, kept as a file in the data folder (recordings/&lt;user&gt;/&lt;attempt&gt;.audio), its
/// media type and size on the attempt. Read and written under the attempt's access rule; removed with the attempt and
/// with the account.
/// </summary>
public sealed class AnswerRecordings(AppDbContext db, TpmPrepPaths paths, RecordAccess access)
{
    /// <summary>Largest recording kept: about ten minutes of speech as browsers record it.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Why a recording cannot be kept, or null when it can.</summary>
    public static string? Problem(string? contentType, long length) =>
        length <= 0 ? "The recording is empty: record again, or type your answer."
        : length > MaxBytes ? $"A recording is at most {MaxBytes / (1024 * 1024)} MB; this one is {length / (1024.0 * 1024):0.#} MB. Record a shorter answer."
        : !IsAudio(contentType) ? "That file is not audio: attach a recording (WebM, Ogg, MP4, MP3 or WAV)."
        : null;

    public static bool IsAudio(string? contentType) =>
        contentType is { Length: <= 80 } type && type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) && type.All(c => c is >= ' ' and < (char)127);

    /// <summary>Keeps the recording for the attempt (replacing any), and notes it on the attempt; false when the viewer may not.</summary>
    public async Task<bool> SaveAsync(Viewer viewer, int attemptId, Stream audio, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken);
        if (attempt is null || !await access.AllowsAsync(viewer, attempt.UserId, RecordKind.Attempt, AccessAction.Write, cancellationToken))
        {
            return false;
        }

        var bytes = await WriteAsync(attempt.UserId, attemptId, audio, cancellationToken);
        attempt.AudioContentType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        attempt.AudioBytes = bytes;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The file for an attempt the importer or the page has already checked; its size.</summary>
    internal async Task<int> WriteAsync(string userId, int attemptId, Stream audio, CancellationToken cancellationToken)
    {
        var path = PathOf(userId, attemptId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        long written;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await audio.CopyToAsync(file, cancellationToken);
            written = file.Length;
        }

        File.Move(temporary, path, overwrite: true);
        return (int)Math.Min(written, int.MaxValue);
    }

    /// <summary>The recording of an attempt the viewer may read, or null.</summary>
    public async Task<(Stream Audio, string ContentType)?> OpenAsync(Viewer viewer, int attemptId, CancellationToken cancellationToken)
    {
        var row = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.AudioContentType != null)
            .Select(a => new { a.UserId, a.AudioContentType }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || !await access.AllowsAsync(viewer, row.UserId, RecordKind.Attempt, AccessAction.Read, cancellationToken))
        {
            return null;
        }

        var path = PathOf(row.UserId, attemptId);
        return File.Exists(path) ? (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), row.AudioContentType!) : null;
    }

    /// <summary>Removes an attempt's file (after the attempt itself is gone).</summary>
    public void Delete(string userId, int attemptId)
    {
        var path = PathOf(userId, attemptId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes every recording of a person (with their account).</summary>
    public void DeleteAll(string userId)
    {
        var folder = FolderOf(userId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The bytes of an attempt's recording, for the export; null when the file is missing.</summary>
    internal byte[]? ReadAll(string userId, int attemptId)
    {
        var path = PathOf(userId, attemptId);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private string FolderOf(string userId)
    {
        // User ids are the app's own (GUIDs); anything else is refused rather than turned into a path.
        if (userId.Length is 0 or > 64 || !userId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("not a user id", nameof(userId));
        }

        return Path.Combine(paths.DataPath, "recordings", userId);
    }

    private string PathOf(string userId, int attemptId) =>
        Path.Combine(FolderOf(userId), attemptId.ToString(CultureInfo.InvariantCulture) + ".audio");
}
