namespace TpmPrep.Web.Infrastructure;

/// <summary>One page of a longer list, numbered from 1, with the length of the whole list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The position in the whole list of the first item shown, from 1.</summary>
    public int First => Items.Count == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int Last => First == 0 ? 0 : First + Items.Count - 1;

    /// <summary>The pager: where it sits, and the page it leads to.</summary>
    public Pager PagerFor(string label, string pageName) => new(label, pageName, Page, Pages, Total);
}

/// <summary>What the shared pager partial needs: a label for its navigation landmark and the page it links to.</summary>
public sealed record Pager(string Label, string PageName, int Page, int Pages, int Total);

public static class Paging
{
    /// <summary>A page number from the query string, kept within 1 and a bound no list reaches (so Skip cannot overflow).</summary>
    public static int Clamp(int page) => Math.Clamp(page, 1, 1_000_000);

    public static int Skip(int page, int pageSize) => (Clamp(page) - 1) * pageSize;
}
