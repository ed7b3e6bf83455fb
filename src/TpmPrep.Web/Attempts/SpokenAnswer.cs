using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TpmPrep.Web.Attempts;

/// <summary>What the question and session pages do with a spoken answer posted beside the typed one.</summary>
public static class SpokenAnswer
{
    /// <summary>The answer text of a spoken answer with nothing typed and no transcript.</summary>
    public const string SpokenOnly = "(A spoken answer: listen to the recording. No transcript: no transcriber is configured.)";

    /// <summary>
    /// Checks the recording (its problem goes beside the Recording field); when it is good and nothing was typed, the
    /// transcript (or <see cref="SpokenOnly"/>) becomes the answer, so the typed text is no longer required.
    /// </summary>
    public static async Task CheckAsync(IFormFile? recording, AnswerInput input, ModelStateDictionary modelState, ITranscriber transcriber, bool preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(transcriber);
        if (recording is not { Length: > 0 })
        {
            return;
        }

        if (AnswerRecordings.Problem(recording.ContentType, recording.Length) is { } problem)
        {
            modelState.AddModelError("Recording", problem);
        }
        else if (string.IsNullOrWhiteSpace(input.Answer) && !preview)
        {
            modelState.Remove("Input.Answer");
            await using var audio = recording.OpenReadStream();
            var transcript = await transcriber.TranscribeAsync(audio, recording.ContentType, cancellationToken);
            input.Answer = string.IsNullOrWhiteSpace(transcript) ? SpokenOnly : transcript.Trim();
        }
    }

    /// <summary>Keeps the recording with the attempt just made.</summary>
    public static async Task SaveAsync(IFormFile? recording, AnswerRecordings recordings, Access.Viewer viewer, int attemptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        if (recording is { Length: > 0 })
        {
            await using var audio = recording.OpenReadStream();
            await recordings.SaveAsync(viewer, attemptId, audio, recording.ContentType, cancellationToken);
        }
    }
}
