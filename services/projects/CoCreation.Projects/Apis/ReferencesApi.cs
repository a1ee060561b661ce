using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using CoCreation.ApiConventions;
using CoCreation.Projects.Infrastructure;
using CoCreation.Projects.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Apis;

/// <summary>
/// Co-creation references: when a project completes, the city's key signs what it did (the city, the partners, the
/// environment, the dates, the outcome and the ratings), so a company can show it in a tender and the buyer can check
/// it without an account, here or with the published public key. A partner may decline to be named on it, and each
/// participating organisation adds its own rating.
/// </summary>
public static class ReferencesApi
{
    public static IEndpointRouteBuilder MapReferencesApi(this IEndpointRouteBuilder routes)
    {
        var project = routes.MapGroup("/api/v1/projects/{id:guid}").WithTags("Projects").WithRequestValidation().RequireScopeForWrites(ApiScopes.ProjectsWrite);
        project.MapGet("/reference", GetReference).WithName(nameof(GetReference))
            .WithSummary("The completed project's co-creation reference: the signed compact JWS and what it says");
        project.MapPut("/reference/naming", NameOnReference).WithName(nameof(NameOnReference))
            .WithSummary("Whether the reference names your organisation, a partner (named: false declines); a completed project's reference is signed again")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        project.MapGet("/ratings", ListRatings).WithName(nameof(ListRatings)).WithSummary("The participating organisations' own ratings of the project");
        project.MapPut("/ratings", RateProject).WithName(nameof(RateProject))
            .WithSummary("Your organisation's own rating of the project, 1-5 with a comment, from its evaluation phase on (the project's organisations)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var references = routes.MapGroup("/api/v1/references").WithTags("References").WithRequestValidation();
        references.MapGet("/keys", ReferenceKeys).WithName(nameof(ReferenceKeys))
            .WithSummary("The city's public key that signs references, as a JSON Web Key Set (also as PEM under publicKeyPem)");
        references.MapPost("/verify", VerifyReference).WithName(nameof(VerifyReference))
            .WithSummary("Check a reference: 200 with what it says if the city signed it unchanged; a 400 naming the field reference if not")
            .ProducesValidationProblem();
        return routes;
    }

    /// <summary>Signs the project's reference from its records as they are now; the caller saves it with its own change.</summary>
    internal static async Task IssueAsync(ProjectsDbContext db, Project project, ReferenceSigner signer, CityCalendar city, DateTime now, CancellationToken cancellationToken)
    {
        var organisationIds = project.ParticipatingOrganisationIds;
        var names = await db.KnownOrganisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var environment = project.EnvironmentId is { } environmentId
            ? await db.KnownEnvironments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == environmentId, cancellationToken)
            : null;
        // Ratings as they will be once the caller saves: those stored, with any being changed now in their place.
        var changing = db.ParticipantRatings.Local.Where(r => r.ProjectId == project.Id).ToList();
        var ratings = (await db.ParticipantRatings.AsNoTracking().Where(r => r.ProjectId == project.Id).ToListAsync(cancellationToken))
            .Where(r => changing.All(c => c.Id != r.Id)).Concat(changing).ToList();
        JsonObject Organisation(Guid id) => new() { ["id"] = id.ToString(), ["name"] = names.GetValueOrDefault(id) };
        var named = project.ParticipatingOrganisationIds.Where(o => o != project.OwnerOrganisationId && !project.PartnersNotNamed.Contains(o)).ToList();
        var payload = new JsonObject
        {
            ["iss"] = city.Name,
            ["sub"] = $"project:{project.Id}",
            ["iat"] = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["kind"] = "co-creation-reference",
            ["projectId"] = project.Id.ToString(),
            ["title"] = project.Title,
            ["city"] = city.Name,
            ["owner"] = Organisation(project.OwnerOrganisationId),
            ["partners"] = new JsonArray([.. named.Select(o => (JsonNode)Organisation(o))]),
            ["partnersNotNamed"] = project.PartnersNotNamed.Count,
            ["environment"] = environment is null ? null : new JsonObject
            {
                ["id"] = environment.Id.ToString(), ["name"] = environment.Name, ["kind"] = environment.Kind, ["host"] = Organisation(environment.HostOrganisationId),
            },
            ["startedOn"] = DateOnly.FromDateTime(city.Local(project.CreatedAt)).ToString("O", CultureInfo.InvariantCulture),
            ["completedOn"] = project.CompletedAt is { } completed ? DateOnly.FromDateTime(city.Local(completed)).ToString("O", CultureInfo.InvariantCulture) : null,
            ["outcome"] = project.Outcome,
            ["statement"] = project.Reference,
            ["successRating"] = project.SuccessRating,
            ["participantRatings"] = new JsonArray([.. ratings.Where(r => r.OrganisationId == project.OwnerOrganisationId || named.Contains(r.OrganisationId))
                .OrderBy(r => r.RatedAt).Select(r => (JsonNode)new JsonObject { ["organisationId"] = r.OrganisationId.ToString(), ["rating"] = r.Rating })]),
        };
        project.Sign(signer.Sign(payload));
    }

    public static async Task<Results<Ok<ReferenceResponse>, NotFoundProblem>> GetReference(Guid id, ProjectsDbContext db, ReferenceSigner signer, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project?.SignedReference is not { } reference)
        {
            return Problems.NotFound("co-creation reference of a project", id);
        }
        var (payload, _) = signer.Verify(reference);
        return TypedResults.Ok(new ReferenceResponse(reference, ReferenceSigner.Algorithm, signer.KeyId, payload));
    }

    public static async Task<Results<Ok<ProjectResponse>, NotFoundProblem, ForbiddenProblem>> NameOnReference(
        Guid id, NamingRequest request, ActingParty actor, HttpContext http, ProjectsDbContext db, ReferenceSigner signer, IOptions<CityCalendar> city,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("choose how its reference names them");
        }
        project.NameOnReference(actor.OrganisationId!.Value, request.Named!.Value);
        if (project.SignedReference is not null)
        {
            await IssueAsync(db, project, signer, city.Value, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await SaveAsync(db, cancellationToken);
        http.Response.Headers.ETag = Preconditions.ETagFor(project.Version);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<IReadOnlyList<RatingResponse>>, NotFoundProblem>> ListRatings(Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Problems.NotFound("project", id);
        }
        var ratings = await db.ParticipantRatings.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.RatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RatingResponse>>([.. ratings.Select(r => new RatingResponse(r.OrganisationId, r.Rating, r.Comment, r.RatedAt))]);
    }

    public static async Task<Results<Ok<RatingResponse>, NotFoundProblem, ForbiddenProblem>> RateProject(
        Guid id, RatingRequest request, ActingParty actor, ProjectsDbContext db, ReferenceSigner signer, IOptions<CityCalendar> city, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } project)
        {
            return Problems.NotFound("project", id);
        }
        if (!project.Involves(actor.OrganisationId))
        {
            return ProjectRecords.NotAParticipant("rate it");
        }
        if (project.Phase is not (ProjectPhase.Evaluation or ProjectPhase.Completed))
        {
            throw new RuleViolationException("The project is not being evaluated yet.",
                $"It is in {project.Phase.ToKebabCase()}; organisations rate it from its evaluation phase on.", field: "rating");
        }
        var organisation = actor.OrganisationId!.Value;
        var rating = await db.ParticipantRatings.FirstOrDefaultAsync(r => r.ProjectId == id && r.OrganisationId == organisation, cancellationToken);
        if (rating is null)
        {
            rating = ParticipantRating.New(id, organisation);
            db.ParticipantRatings.Add(rating);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        rating.Rate(request.Rating!.Value, request.Comment?.Trim() ?? "", actor.PersonId, now);
        if (project.SignedReference is not null)
        {
            await IssueAsync(db, project, signer, city.Value, now, cancellationToken);
        }
        await SaveAsync(db, cancellationToken);
        return TypedResults.Ok(new RatingResponse(rating.OrganisationId, rating.Rating, rating.Comment, rating.RatedAt));
    }

    public static Ok<JsonObject> ReferenceKeys(ReferenceSigner signer) =>
        TypedResults.Ok(new JsonObject { ["keys"] = new JsonArray(signer.PublicJwk()), ["publicKeyPem"] = signer.PublicKeyPem() });

    public static async Task<Ok<VerificationResponse>> VerifyReference(VerificationRequest request, ProjectsDbContext db, ReferenceSigner signer, CancellationToken cancellationToken)
    {
        var (payload, problem) = signer.Verify(request.Reference);
        if (payload is null)
        {
            throw new InvalidFieldException("reference", problem!);
        }
        // Signed, and unchanged; whether it is the newest issue of that project's reference (a partner may since have declined to be named).
        var projectId = Guid.TryParse(payload["projectId"]?.GetValue<string>(), out var parsed) ? parsed : Guid.Empty;
        var current = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.SignedReference).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new VerificationResponse(true, signer.KeyId, current == request.Reference.Trim(), payload));
    }

    private static async Task SaveAsync(ProjectsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("The project changed meanwhile.", "Send it again.");
        }
    }
}

public sealed record NamingRequest([property: Required] bool? Named);

public sealed record RatingRequest(
    [property: Required, Range(Evaluation.MinRating, Evaluation.MaxRating)] int? Rating,
    [property: StringLength(ProjectLimits.EvaluationTextLength)] string? Comment);

public sealed record RatingResponse(Guid OrganisationId, int Rating, string Comment, DateTime RatedAt);

public sealed record VerificationRequest([property: Required(AllowEmptyStrings = false), StringLength(16000)] string Reference);

/// <summary>A verified reference: signed by the city's key and unchanged; <c>current</c> says whether it is the newest issue.</summary>
public sealed record VerificationResponse(bool Valid, string KeyId, bool Current, JsonObject Payload);

public sealed record ReferenceResponse(string Reference, string Algorithm, string KeyId, JsonObject? Payload);
