using Microsoft.Extensions.DependencyInjection.Extensions;
using TpmPrep.Web.Access;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Assessments;
using TpmPrep.Web.Attempts;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Coaching;
using TpmPrep.Web.Demo;
using TpmPrep.Web.Kits;
using TpmPrep.Web.Portability;
using TpmPrep.Web.Practice;
using TpmPrep.Web.Progress;
using TpmPrep.Web.Questions;
using TpmPrep.Web.Review;

namespace TpmPrep.Web.Infrastructure;

public static class FeatureServices
{
    /// <summary>The content catalogue and the service behind each feature's pages.</summary>
    public static IServiceCollection AddTpmPrepFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogueProvider>();
        services.AddSingleton<InlineStylesheet>();
        services.AddScoped<RecordAccess>();
        services.AddSingleton<IAccessGrant, AdministratorGrant>();
        services.AddHttpContextAccessor();
        services.AddScoped<AccessReceipts>();
        services.AddScoped<IAccessGrant, CoachGrant>();
        services.AddScoped<CoachLinks>();
        services.AddScoped<CoachFeedback>();
        services.AddScoped<CoachNotes>();
        services.AddScoped<CoachAssignments>();
        services.AddScoped<ThreeWayCalibration>();
        services.AddScoped<CoachReports>();
        services.AddSingleton<ParsedQuestionCache>();
        services.AddScoped<QuestionSource>();
        services.AddScoped<CustomQuestionService>();
        services.AddScoped<AttemptService>();
        services.AddScoped<AnswerRecordings>();
        services.TryAddSingleton<ITranscriber, NoTranscriber>();
        services.AddScoped<DraftService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<QuickReviews>();
        services.AddScoped<SessionService>();
        services.AddScoped<TpmPrep.Web.Lists.QuestionLists>();
        services.AddScoped<QuestionSearch>();
        services.AddScoped<TodayService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<ProgressRollups>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<KitService>();
        services.AddScoped<KitPortability>();
        services.AddScoped<ReadyMadeKits>();
        services.AddScoped<TpmPrep.Web.Plans.PlanService>();
        services.AddScoped<TpmPrep.Web.Plans.ScorecardService>();
        services.AddScoped<DataPortability>();
        services.AddScoped<ImportJobs>();
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<ImportWriter>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoHiring>();
        services.AddScoped<DemoCoaching>();
        services.AddScoped<LoadTestData>();
        services.AddHealthChecks().AddCheck<TpmPrepHealthCheck>("tpmprep");
        return services;
    }

    /// <summary>Razor Pages, lower-case URLs, and which folders need a signed-in user or an administrator.</summary>
    /// <summary>The policy of the question-set builder: hiring managers and coaches.</summary>
    public const string KitBuilders = "KitBuilders";

    public static IServiceCollection AddTpmPrepPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Attempts");
            options.Conventions.AuthorizeFolder("/Assessment");
            options.Conventions.AuthorizeFolder("/Practice");
            options.Conventions.AuthorizeFolder("/Lists");
            options.Conventions.AuthorizePage("/Today");
            options.Conventions.AuthorizeFolder("/Review");
            options.Conventions.AuthorizeFolder("/Progress");
            options.Conventions.AuthorizePage("/Account/Data");
            options.Conventions.AuthorizePage("/Account/Import");
            options.Conventions.AuthorizePage("/Account/Profile");
            options.Conventions.AuthorizePage("/Account/Delete");
            options.Conventions.AuthorizePage("/Account/Password");
            options.Conventions.AuthorizePage("/Markdown/Preview");
            options.Conventions.AuthorizeFolder("/Admin", AppRoles.Admin);
            options.Conventions.AuthorizeFolder("/MyQuestions");
            // Hiring managers build interview kits from the sets; coaches build the same sets to assign as practice.
            options.Conventions.AuthorizeFolder("/Kits", KitBuilders);
            // Plans are open to their interviewers, whatever their roles: membership is checked by PlanService.
            options.Conventions.AuthorizeFolder("/Plans");
            options.Conventions.AuthorizeFolder("/Coaching");
            // Any signed-in person may open an invitation (and is told if they lack the coach role); the rest is for coaches.
            options.Conventions.AuthorizeFolder("/Coach");
            options.Conventions.AuthorizePage("/Coach/Index", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Candidate", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Attempts", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Attempt", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Rate", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Assessment", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/Report", AppRoles.Coach);
            options.Conventions.AuthorizePage("/Coach/CohortReport", AppRoles.Coach);
        }).AddMvcOptions(options => options.Filters.Add<RecordNotFoundFilter>());
        // Validation is the server's (no script library under the CSP): no data-val-* attributes on the fields.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddAuthorizationBuilder()
            .AddPolicy(AppRoles.Admin, policy => policy.RequireRole(AppRoles.Admin))
            .AddPolicy(AppRoles.HiringManager, policy => policy.RequireRole(AppRoles.HiringManager))
            .AddPolicy(AppRoles.Coach, policy => policy.RequireRole(AppRoles.Coach))
            .AddPolicy(KitBuilders, policy => policy.RequireRole(AppRoles.HiringManager, AppRoles.Coach));
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }
}
