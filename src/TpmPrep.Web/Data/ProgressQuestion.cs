namespace TpmPrep.Web.Data;

/// <summary>How often one user has answered one question: the dashboard's "practised" counts, one row a question.</summary>
public sealed class ProgressQuestion
{
    public string UserId { get; set; } = string.Empty;

    public string QuestionId { get; set; } = string.Empty;

    public string BankId { get; set; } = string.Empty;

    public int Attempts { get; set; }
}
