namespace TpmPrep.Web.Access;

/// <summary>The kinds of record a person owns, each of which a grant may or may not cover.</summary>
public enum RecordKind
{
    /// <summary>Answers, with their grades and notes.</summary>
    Attempt,

    /// <summary>Answers being typed.</summary>
    Draft,

    /// <summary>Practice sessions and mock interviews.</summary>
    Session,

    /// <summary>The spaced-review schedule.</summary>
    Review,

    /// <summary>The progress dashboard: counts, streaks and trends drawn from the attempts.</summary>
    Progress,

    /// <summary>Skills self-assessments.</summary>
    Assessment,

    /// <summary>Questions a person wrote in the app.</summary>
    Question,

    /// <summary>Question sets and interview kits a person built.</summary>
    QuestionSet,

    /// <summary>A candidate's bookmarks and personal lists of questions. Only the owner; no grant covers them.</summary>
    QuestionList,

    /// <summary>The account itself: its roles and standing, what an administrator manages.</summary>
    Account,

    /// <summary>Everything at once: export and import. Only the owner; no grant covers it.</summary>
    AllData,
}

/// <summary>What the viewer means to do with the record.</summary>
public enum AccessAction
{
    Read,

    /// <summary>Create, change or delete.</summary>
    Write,
}
