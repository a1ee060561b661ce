using System.ComponentModel.DataAnnotations;
using CoCreation.ApiConventions;
using CoCreation.Ideas.Infrastructure;
using CoCreation.Ideas.Model;
using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoCreation.Ideas.Apis;

public static class IdeasApi
{
    public static IEndpointRouteBuilder MapIdeasApi(this IEndpointRouteBuilder routes)
    {
        var ideas = routes.MapGroup("/api/v1/ideas").WithTags("Ideas").WithRequestValidation();
        ideas.MapPost("/", PublishIdea).WithName(nameof(PublishIdea)).WithSummary("Publish a new idea on behalf of the acting organisation");
        ideas.MapGet("/{id:guid}", GetIdea).WithName(nameof(GetIdea)).WithSummary("Read one idea");
        return routes;
    }

    public static async Task<Results<Created<IdeaResponse>, ProblemHttpResult>> PublishIdea(
        PublishIdeaRequest request, ActingParty actingParty, HttpContext http, IdeasDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actingParty.OrganisationId is not { } organisationId)
        {
            return TypedResults.Problem(
                title: "An idea is published on behalf of an organisation.",
                detail: $"Send the header {ActingParty.OrganisationHeader} with the id of the organisation you act for.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var idea = Idea.Publish(request.ToContent(), actingParty.PersonId, organisationId, now);
        db.Ideas.Add(idea);
        // Same SaveChanges, same transaction: the idea and its event exist together or not at all.
        db.OutboxMessages.Add(OutboxMessage.For(idea.ToPublishedEvent(), now, CorrelationId.Get(http)));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/v1/ideas/{idea.Id}", IdeaResponse.From(idea));
    }

    public static async Task<Results<Ok<IdeaResponse>, ProblemHttpResult>> GetIdea(
        Guid id, IdeasDbContext db, CancellationToken cancellationToken)
    {
        var idea = await db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return idea is null
            ? TypedResults.Problem(title: "No such idea.", detail: $"There is no idea with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(IdeaResponse.From(idea));
    }
}

public sealed record PublishIdeaRequest(
    [property: Required] IdeaKind? Kind,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.TitleLength)] string Title,
    [property: Required(AllowEmptyStrings = false), StringLength(IdeaLimits.SummaryLength)] string Summary,
    [property: StringLength(IdeaLimits.DescriptionLength)] string? Description,
    [property: TagList] IReadOnlyList<string>? Themes,
    [property: TagList] IReadOnlyList<string>? Environments,
    [property: TagList] IReadOnlyList<string>? SoughtCompetences,
    [property: Required, AllowedValues("fi", "sv", "en")] string Language)
{
    public IdeaContent ToContent() => new(
        Kind!.Value, Title.Trim(), Summary.Trim(), Description ?? "",
        Normalise(Themes), Normalise(Environments), Normalise(SoughtCompetences), Language);

    private static List<string> Normalise(IReadOnlyList<string>? tags) =>
        tags is null ? [] : [.. tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed record IdeaResponse(
    Guid Id,
    IdeaKind Kind,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Environments,
    IReadOnlyList<string> SoughtCompetences,
    string Language,
    string OwnerPersonId,
    Guid OwnerOrganisationId,
    IdeaStatus Status,
    DateTime CreatedAt,
    DateTime? PublishedAt)
{
    public static IdeaResponse From(Idea idea) => new(
        idea.Id, idea.Kind, idea.Title, idea.Summary, idea.Description, idea.Themes, idea.Environments,
        idea.SoughtCompetences, idea.Language, idea.OwnerPersonId, idea.OwnerOrganisationId, idea.Status,
        idea.CreatedAt, idea.PublishedAt);
}

/// <summary>A short list of short, non-empty tags: a list of hundreds is a mistake or an attack, not a description.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TagListAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IReadOnlyList<string> tags)
        {
            return ValidationResult.Success;
        }
        if (tags.Count > IdeaLimits.TagCount)
        {
            return new ValidationResult($"At most {IdeaLimits.TagCount} items are allowed.", [validationContext.MemberName!]);
        }
        if (tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > IdeaLimits.TagLength))
        {
            return new ValidationResult($"Each item must be 1 to {IdeaLimits.TagLength} characters.", [validationContext.MemberName!]);
        }
        return ValidationResult.Success;
    }
}
