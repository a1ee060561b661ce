using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Projects.Apis;

/// <summary>
/// A project's agreement, made from the KYKY-style templates: the owner writes it, every participating organisation
/// accepts the version it read, and a changed agreement is accepted again. Every version and acceptance is kept.
/// </summary>
public static class AgreementApi
{
    private static readonly string[] Languages = ["fi", "sv", "en"];

    public static IEndpointRouteBuilder MapAgreementApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/agreement-templates", AgreementTemplates).WithTags("Projects").WithName(nameof(AgreementTemplates))
            .WithSummary("The agreement's template clauses in fi, sv or en (language; default fi)").ProducesValidationProblem();
        var agreement = routes.MapGroup("/api/v1/projects/{id:guid}/agreement").WithTags("Projects").WithRequestValidation()
            .RequireScopeForWrites(ApiScopes.ProjectsWrite);
        agreement.MapGet("/", GetAgreement).WithName(nameof(GetAgreement))
            .WithSummary("The current agreement in fi, sv or en, with who has accepted it and who has still to (version 0: none written yet)").ProducesValidationProblem();
        agreement.MapPut("/", WriteAgreement).WithName(nameof(WriteAgreement))
            .WithSummary("Write the agreement's next version (the owner organisation; If-Match the current version, \"0\" for the first). Everyone accepts it again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        agreement.MapPost("/acceptances", AcceptAgreement).WithName(nameof(AcceptAgreement))
            .WithSummary("Accept the version you read, for the organisation you act for (each participating organisation once per version)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        agreement.MapGet("/versions", AgreementVersions).WithName(nameof(AgreementVersions))
            .WithSummary("Every version of the agreement, newest first, each with its acceptances").ProducesValidationProblem();
        return routes;
    }

    public static Ok<IReadOnlyList<ClauseResponse>> AgreementTemplates(string? language = null) =>
        TypedResults.Ok<IReadOnlyList<ClauseResponse>>([.. AgreementClauses.All.Select(c => ClauseResponse.From(c, LanguageOf(language)))]);

    public static async Task<Results<Ok<AgreementResponse>, NotFoundProblem>> GetAgreement(
        Guid id, ActingParty? actor, HttpContext http, ProjectsDbContext db, CancellationToken cancellationToken, string? language = null)
    {
        var lang = LanguageOf(language);
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var agreement = await ProjectRecords.CurrentAgreementAsync(db, id, cancellationToken);
        var acceptances = agreement is null ? [] : await AcceptancesOfAsync(db, id, agreement.Version, cancellationToken);
        http.Response.Headers.ETag = Preconditions.ETagFor(agreement?.Version ?? 0);
        return TypedResults.Ok(AgreementResponse.From(project, agreement, acceptances, lang, project.Involves(actor?.OrganisationId)));
    }

    public static async Task<Results<Ok<AgreementResponse>, NotFoundProblem, ForbiddenProblem, PreconditionProblem>> WriteAgreement(
        Guid id, AgreementRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        string? language = null)
    {
        var lang = LanguageOf(language);
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (actor.OrganisationId != project.OwnerOrganisationId)
        {
            return Problems.OnlyOwnerOrganisation("project");
        }
        if (project.HasEnded)
        {
            throw new RuleViolationException("The project has ended.", "An ended project's agreement stays as it was accepted.", field: "clauses");
        }
        var previous = await ProjectRecords.CurrentAgreementAsync(db, id, cancellationToken);
        if (Preconditions.CheckIfMatch(http, previous?.Version ?? 0) is { } failed)
        {
            return failed;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var agreement = ProjectAgreement.After(previous, id, request.Clauses ?? AgreementClauses.Codes, request.AdditionalTerms?.Trim() ?? "", actor.PersonId, now);
        db.Agreements.Add(agreement);
        db.Publish(new ProjectAgreementChanged(id, project.Title, agreement.Version, project.ParticipatingOrganisationIds, new DateTimeOffset(now, TimeSpan.Zero)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another change took this version number first.
            return Preconditions.ChangedMeanwhile("agreement");
        }
        http.Response.Headers.ETag = Preconditions.ETagFor(agreement.Version);
        return TypedResults.Ok(AgreementResponse.From(project, agreement, [], lang, showPeople: true));
    }

    public static async Task<Results<Ok<AcceptanceResponse>, NotFoundProblem, ForbiddenProblem>> AcceptAgreement(
        Guid id, AcceptanceRequest request, ActingParty actor, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("accept its agreement");
        }
        var current = await ProjectRecords.CurrentAgreementAsync(db, id, cancellationToken)
            ?? throw new RuleViolationException("There is no agreement to accept yet.", "The owner organisation writes it first.", field: "version");
        if (request.Version != current.Version)
        {
            throw new RuleViolationException("That is not the current agreement.",
                $"Version {current.Version} is current; read it (GET .../agreement) and accept that one.", field: "version");
        }
        var organisation = actor.OrganisationId!.Value;
        if (await db.AgreementAcceptances.AnyAsync(a => a.ProjectId == id && a.AgreementVersion == current.Version && a.OrganisationId == organisation, cancellationToken))
        {
            throw AlreadyAccepted(current.Version);
        }
        var acceptance = AgreementAcceptance.Of(current, organisation, actor.PersonId, clock.GetUtcNow().UtcDateTime);
        db.AgreementAcceptances.Add(acceptance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people of the same organisation accepted at once; the unique key kept one.
            throw AlreadyAccepted(current.Version);
        }
        return TypedResults.Ok(AcceptanceResponse.From(acceptance, showPeople: true));
    }

    public static async Task<Results<Ok<IReadOnlyList<AgreementResponse>>, NotFoundProblem>> AgreementVersions(
        Guid id, ActingParty? actor, ProjectsDbContext db, CancellationToken cancellationToken, string? language = null)
    {
        var lang = LanguageOf(language);
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        var versions = await db.Agreements.AsNoTracking().Where(a => a.ProjectId == id).OrderByDescending(a => a.Version).ToListAsync(cancellationToken);
        var acceptances = (await db.AgreementAcceptances.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.AcceptedAt).ToListAsync(cancellationToken))
            .ToLookup(a => a.AgreementVersion);
        var showPeople = project.Involves(actor?.OrganisationId);
        return TypedResults.Ok<IReadOnlyList<AgreementResponse>>(
            [.. versions.Select(v => AgreementResponse.From(project, v, [.. acceptances[v.Version]], lang, showPeople))]);
    }

    private static Task<List<AgreementAcceptance>> AcceptancesOfAsync(ProjectsDbContext db, Guid projectId, int version, CancellationToken cancellationToken) =>
        db.AgreementAcceptances.AsNoTracking().Where(a => a.ProjectId == projectId && a.AgreementVersion == version).OrderBy(a => a.AcceptedAt).ToListAsync(cancellationToken);

    private static RuleViolationException AlreadyAccepted(int version) =>
        new("Your organisation has already accepted this version.", $"Version {version} is accepted; a changed agreement will ask again.", field: "version");

    private static string LanguageOf(string? language) =>
        language is null ? "fi"
        : Languages.Contains(language) ? language
        : throw new InvalidFieldException("language", "The agreement is written in fi, sv or en.");
}

public sealed record AgreementRequest(
    [property: MaxLength(10)] IReadOnlyList<string>? Clauses,
    [property: StringLength(ProjectLimits.AgreementTermsLength), SafeMarkdown] string? AdditionalTerms);

public sealed record AcceptanceRequest([property: Required, Range(1, int.MaxValue)] int Version);

public sealed record ClauseResponse(string Code, bool Required, string Title, string Text)
{
    public static ClauseResponse From(AgreementClause clause, string language)
    {
        var (title, text) = clause.In(language);
        return new(clause.Code, clause.IsRequired, title, text);
    }
}

/// <summary>One acceptance: which organisation, when, and (for the project's own organisations) who.</summary>
public sealed record AcceptanceResponse(Guid OrganisationId, int Version, DateTime AcceptedAt, string? AcceptedByPersonId)
{
    public static AcceptanceResponse From(AgreementAcceptance a, bool showPeople) =>
        new(a.OrganisationId, a.AgreementVersion, a.AcceptedAt, showPeople ? a.AcceptedByPersonId : null);
}

public sealed record AgreementResponse(
    int Version, string Language, IReadOnlyList<ClauseResponse> Clauses, string AdditionalTerms, string AdditionalTermsHtml, DateTime? ChangedAt,
    IReadOnlyList<AcceptanceResponse> Acceptances, IReadOnlyList<Guid> AwaitingOrganisationIds)
{
    public static AgreementResponse From(Project project, ProjectAgreement? agreement, IReadOnlyList<AgreementAcceptance> acceptances, string language, bool showPeople)
    {
        if (agreement is null)
        {
            // Nothing written yet: the templates the owner will start from, and everyone still to accept.
            return new(0, language, [.. AgreementClauses.All.Select(c => ClauseResponse.From(c, language))], "", "", null, [], project.ParticipatingOrganisationIds);
        }
        var accepted = acceptances.Select(a => a.OrganisationId).ToHashSet();
        return new(agreement.Version, language,
            [.. AgreementClauses.All.Where(c => agreement.Clauses.Contains(c.Code)).Select(c => ClauseResponse.From(c, language))],
            agreement.AdditionalTerms, SafeMarkdown.ToHtml(agreement.AdditionalTerms), agreement.ChangedAt,
            [.. acceptances.Select(a => AcceptanceResponse.From(a, showPeople))],
            [.. project.ParticipatingOrganisationIds.Where(o => !accepted.Contains(o))]);
    }
}
