using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TpmPrep.Content.Loading;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Tests.Infrastructure;
using TpmPrep.Web.Tests.Pages.MyQuestions;

namespace TpmPrep.Web.Tests.Kits;

/// <summary>A hiring manager builds a kit from bank questions and one of their own, checks its coverage, exports it as a content folder and imports it back.</summary>
public sealed partial class KitBuilderTests
{
    [Fact]
    public async Task OnlyHiringManagersHaveKits()
    {
        using var factory = new TpmPrepFactory();
        using var candidate = await AppClient.RegisteredAsync(factory, "candidate@example.com");

        var response = await candidate.Http.GetAsync("/kits");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Interview kits", await candidate.GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDetailsAreNamedBesideTheirFieldsAndNothingIsSaved()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");

        var response = await manager.PostFieldsAsync("/kits/new", [new("Input.Title", ""), new("Input.LevelId", "no-such-level"), new("Input.Focus", "forged-area"), new("Input.Instructions", "Kept text")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the kit a title.", html, StringComparison.Ordinal);
        Assert.Contains("Choose a level from the list.", html, StringComparison.Ordinal);
        Assert.Contains("Choose skill areas from the list.", html, StringComparison.Ordinal);
        Assert.Contains("Kept text", html, StringComparison.Ordinal);
        Assert.Contains("You have no kits yet.", await manager.GetHtmlAsync("/kits"), StringComparison.Ordinal);

        // Instructions become the exported bank's introduction: a '##' section there is named by its line.
        var sections = await manager.PostFieldsAsync("/kits/new", [new("Input.Title", "Loop"), new("Input.Focus", "leadership"), new("Input.Instructions", "Be kind.\n\n## Part two\n")]);
        var sectionsHtml = WebUtility.HtmlDecode(await sections.Content.ReadAsStringAsync());
        Assert.Contains("Line 3: a bank's body is an introduction without '##' sections", sectionsHtml, StringComparison.Ordinal);
        Assert.Contains("## Part two", sectionsHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKitBuiltFromBankQuestionsAndAWrittenOneExportsAsAContentFolderAndImportsBack()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        var catalogue = factory.Services.GetRequiredService<CatalogueProvider>().Current;
        var risk = catalogue.Banks.SelectMany(b => b.Questions).First(q => q.Skills.Contains("risk-management") && !q.Skills.Contains("communication"));
        var design = catalogue.Banks.SelectMany(b => b.Questions).First(q => q.Kind == "system-design" && !q.Skills.Contains("communication") && q.Id != risk.Id);

        var kitId = await CreateKitAsync(manager, "Senior loop: execution", ["risk-management", "communication"], "Ask every question; probe for numbers.");
        await AddAsync(manager, kitId, risk.Id);
        await AddAsync(manager, kitId, design.Id);
        var builder = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/kits/{kitId}"));
        Assert.Contains("No question covers Communication.", builder, StringComparison.Ordinal);
        Assert.Contains(risk.Title, builder, StringComparison.Ordinal);

        // The same question twice is refused, with the reason.
        var twice = await manager.PostFormAsync($"/kits/{kitId}", new() { ["questionId"] = risk.Id }, $"/kits/{kitId}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("That question is in the kit already.", await manager.GetHtmlAsync(twice.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var forged = await manager.PostFormAsync($"/kits/{kitId}", new() { ["questionId"] = "no-such-question" }, $"/kits/{kitId}?handler=Add");
        Assert.Contains("There is no such question.", await manager.GetHtmlAsync(forged.Headers.Location!.OriginalString), StringComparison.Ordinal);

        // A question written for the kit, from the kit's page: checked by the bank rules, then added.
        var written = await manager.PostFormAsync($"/my-questions/edit?kit={kitId}", new() { ["Input.Markdown"] = WrittenQuestionsWorkLikeBankQuestions.Markdown("Explain a slip to the sponsor") });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.StartsWith($"/kits/{kitId}", written.Headers.Location!.OriginalString, StringComparison.Ordinal);
        builder = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/kits/{kitId}"));
        Assert.Contains("Explain a slip to the sponsor", builder, StringComparison.Ordinal);
        Assert.DoesNotContain("No question covers", builder, StringComparison.Ordinal);
        Assert.Contains($"covers none of the focus areas", builder, StringComparison.Ordinal); // the design question
        Assert.Matches($"<strong>{risk.Minutes + design.Minutes + 5} minutes</strong>", builder);

        // Reorder: the written question (third) moves up to second.
        var items = ItemIds().Matches(builder).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/kits/{kitId}", new() { ["itemId"] = items[2], ["by"] = "-1" }, $"/kits/{kitId}?handler=Move")).StatusCode);
        var print = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/kits/{kitId}/print"));
        Assert.True(print.IndexOf("2. Explain a slip to the sponsor", StringComparison.Ordinal) > print.IndexOf($"1. {risk.Title}", StringComparison.Ordinal));
        Assert.Contains("3. " + design.Title, print, StringComparison.Ordinal);
        Assert.Contains("probe for numbers", print, StringComparison.Ordinal);
        Assert.Contains(risk.Rubric[0].Title, print, StringComparison.Ordinal);

        // Export: a content folder the loader (check-content) accepts on its own, with the kit's order and details.
        var export = await manager.Http.GetAsync($"/kits/{kitId}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        var folder = Unpack(zip);
        try
        {
            var loaded = ContentLoader.Load(folder, "kit");
            Assert.Empty(loaded.Errors);
            var bank = Assert.Single(loaded.Banks);
            Assert.Equal("Senior loop: execution", bank.Title);
            Assert.Equal(["risk-management", "communication"], bank.Skills);
            Assert.Equal([risk.Id, "kit-senior-loop-execution-q02", design.Id], bank.Questions.Select(q => q.Id));
            Assert.Equal("Explain a slip to the sponsor", bank.Questions[1].Title);
            Assert.Contains("probe for numbers", bank.IntroductionHtml, StringComparison.Ordinal);
            var report = new StringWriter();
            Assert.Equal(0, ContentCheck.Run([folder], report, TextWriter.Null));
            Assert.Contains("No errors.", report.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Import: a new kit, bank questions from the banks and the written one a new question of the importer's.
        var imported = await ImportAsync(manager, zip, "kit.zip");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var importedId = int.Parse(KitLocation().Match(imported.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(kitId, importedId);
        var again = WebUtility.HtmlDecode(await manager.GetHtmlAsync($"/kits/{importedId}/print"));
        Assert.Contains("1. " + risk.Title, again, StringComparison.Ordinal);
        Assert.Contains("2. Explain a slip to the sponsor", again, StringComparison.Ordinal);
        Assert.Contains("3. " + design.Title, again, StringComparison.Ordinal);
        Assert.Contains("probe for numbers", again, StringComparison.Ordinal);
        Assert.Contains("2 questions", WebUtility.HtmlDecode(await manager.GetHtmlAsync("/my-questions")), StringComparison.Ordinal);

        // The written question never appears in the public banks.
        Assert.DoesNotContain("Explain a slip to the sponsor", await new AppClient(factory).GetHtmlAsync("/banks/" + catalogue.Banks[0].Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenKitZipIsRefusedWithItsFileAndLineAndNothingIsCreated()
    {
        using var factory = new TpmPrepFactory();
        using var manager = await AppClient.RegisteredAsync(factory, "manager@example.com", "HiringManager");
        var kitId = await CreateKitAsync(manager, "Loop", ["leadership"], "");
        var bankQuestion = factory.Services.GetRequiredService<CatalogueProvider>().Current.Banks[0].Questions[0];
        await AddAsync(manager, kitId, bankQuestion.Id);
        var zip = await (await manager.Http.GetAsync($"/kits/{kitId}?handler=Export")).Content.ReadAsByteArrayAsync();

        // The bank file loses its title: the loader's message, with the file and line.
        var broken = Rewrite(zip, "banks/kit-loop/_bank.md", text => text.Replace("title: \"Loop\"\n", "", StringComparison.Ordinal));
        var response = await ImportAsync(manager, broken, "broken.zip");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"kit/banks/kit-loop/_bank\.md:\d+: .*title", html);

        var notZip = await ImportAsync(manager, Encoding.UTF8.GetBytes("hello"), "hello.zip");
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("not a zip", await notZip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("1 kit,", await manager.GetHtmlAsync("/kits"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherHiringManagerFindsNoKit()
    {
        using var factory = new TpmPrepFactory();
        using var owner = await AppClient.RegisteredAsync(factory, "owner@example.com", "HiringManager");
        using var other = await AppClient.RegisteredAsync(factory, "other@example.com", "HiringManager");
        var kitId = await CreateKitAsync(owner, "Private loop", ["leadership"], "");

        foreach (var url in new[] { $"/kits/{kitId}", $"/kits/{kitId}/print", $"/kits/{kitId}/delete", $"/kits/{kitId}?handler=Export" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        }

        var bankQuestion = factory.Services.GetRequiredService<CatalogueProvider>().Current.Banks[0].Questions[0];
        var add = await other.PostFormAsync("/kits", new() { ["questionId"] = bankQuestion.Id }, $"/kits/{kitId}?handler=Add");
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.DoesNotContain("Private loop", await other.GetHtmlAsync("/kits"), StringComparison.Ordinal);
        Assert.DoesNotContain(bankQuestion.Title, await owner.GetHtmlAsync($"/kits/{kitId}/print"), StringComparison.Ordinal);
    }

    internal static async Task<int> CreateKitAsync(AppClient manager, string title, IEnumerable<string> focus, string instructions)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Title", title), new("Input.LevelId", "senior-tpm"), new("Input.Instructions", instructions) };
        fields.AddRange(focus.Select(f => new KeyValuePair<string, string>("Input.Focus", f)));
        var response = await manager.PostFieldsAsync("/kits/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(KitLocation().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task AddAsync(AppClient manager, int kitId, string questionId)
    {
        var response = await manager.PostFormAsync($"/kits/{kitId}", new() { ["questionId"] = questionId }, $"/kits/{kitId}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Question added.", await manager.GetHtmlAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> ImportAsync(AppClient manager, byte[] zip, string name)
    {
        var page = await manager.GetHtmlAsync("/kits");
        var upload = new MultipartFormDataContent { { new ByteArrayContent(zip), "file", name } };
        upload.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken");
        return await manager.Http.PostAsync("/kits?handler=Import", upload);
    }

    private static string Unpack(byte[] zip)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tpmprep-kit-test-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(new MemoryStream(zip), folder);
        return folder;
    }

    private static byte[] Rewrite(byte[] zip, string path, Func<string, string> change)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(entry.FullName == path ? change(text) : text);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"^/kits/(\d+)")]
    private static partial Regex KitLocation();

    [GeneratedRegex(@"name=""itemId"" value=""(\d+)""")]
    private static partial Regex ItemIds();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
