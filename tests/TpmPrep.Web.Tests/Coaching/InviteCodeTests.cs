using TpmPrep.Web.Access;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Tests.Coaching;

public sealed class InviteCodeTests
{
    [Fact]
    public void ANewCodeIsTwelveCharactersOfTheAlphabetAndCodesDiffer()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => InviteCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every one of the 32 characters turns up: the draw is not stuck on part of the alphabet.
        Assert.Equal(32, codes.SelectMany(c => c).Distinct().Count());
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn", "ABCDEFGHJKMN")]
    [InlineData(" ABCD EFGH JKMN ", "ABCDEFGHJKMN")]
    [InlineData("o0il-1234-5678", "001112345678")]
    public void TypingIsForgiven(string typed, string expected) => Assert.Equal(expected, InviteCodes.Normalise(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKM")]
    [InlineData("ABCD-EFGH-JKMNP")]
    [InlineData("ABCD-EFGH-JKMU")]
    [InlineData("ABCD-EFGH-JKM!")]
    public void WhatCannotBeACodeIsNone(string? typed) => Assert.Null(InviteCodes.Normalise(typed));

    [Fact]
    public void AnOverlongPasteIsRefusedWithoutWork() => Assert.Null(InviteCodes.Normalise(new string('A', 1_000_000)));

    [Fact]
    public void TheHashIsSha256HexAndNeverTheCode()
    {
        var code = InviteCodes.New();
        var hash = InviteCodes.Hash(code);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(code, hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(hash, InviteCodes.Hash(InviteCodes.Normalise(InviteCodes.Format(code).ToLowerInvariant())!));
        Assert.Equal("ABCD-EFGH-JKMN", InviteCodes.Format("ABCDEFGHJKMN"));
    }

    [Fact]
    public void EachKindOfRecordNeedsItsScopeAndNoScopeOpensAWrite()
    {
        Assert.Equal(CoachScopes.Summary, CoachGrant.ScopeFor(RecordKind.Progress));
        Assert.Equal(CoachScopes.Summary, CoachGrant.ScopeFor(RecordKind.Review));
        Assert.Equal(CoachScopes.Attempts, CoachGrant.ScopeFor(RecordKind.Attempt));
        Assert.Equal(CoachScopes.Assessments, CoachGrant.ScopeFor(RecordKind.Assessment));
        foreach (var kind in new[] { RecordKind.Draft, RecordKind.Session, RecordKind.Question, RecordKind.QuestionSet, RecordKind.Account, RecordKind.AllData })
        {
            Assert.Equal(CoachScopes.None, CoachGrant.ScopeFor(kind));
        }
    }
}
