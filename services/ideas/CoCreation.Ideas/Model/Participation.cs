namespace CoCreation.Ideas.Model;

/// <summary>A comment on an idea, or a reply to one; threads are one level deep.</summary>
public sealed class Comment
{
    public Guid Id { get; private set; }

    public Guid IdeaId { get; private set; }

    /// <summary>The top-level comment this replies to; null for a top-level comment.</summary>
    public Guid? ParentCommentId { get; private set; }

    public string AuthorPersonId { get; private set; } = "";

    public Guid? AuthorOrganisationId { get; private set; }

    /// <summary>Markdown, checked by SafeMarkdown on the way in.</summary>
    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? HiddenAt { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    private Comment()
    {
    }

    public static Comment Write(Guid ideaId, Comment? parent, string authorPersonId, Guid? authorOrganisationId, string body, DateTime now)
    {
        if (parent is not null && (parent.IdeaId != ideaId || parent.ParentCommentId is not null))
        {
            throw new CoCreation.ApiConventions.InvalidFieldException("parentCommentId",
                "Replies are one level deep: reply to a top-level comment of the same idea.");
        }
        return new Comment
        {
            Id = Guid.CreateVersion7(),
            IdeaId = ideaId,
            ParentCommentId = parent?.Id,
            AuthorPersonId = authorPersonId,
            AuthorOrganisationId = authorOrganisationId,
            Body = body,
            CreatedAt = now,
        };
    }

    public void Hide(string reason, DateTime now)
    {
        HiddenAt ??= now;
        HiddenReason = reason;
    }

    public void Unhide()
    {
        HiddenAt = null;
        HiddenReason = null;
    }
}

/// <summary>A person supports an idea; one support per person and idea (the key says so).</summary>
public sealed record Support(Guid IdeaId, string PersonId, DateTime CreatedAt);

/// <summary>A person follows an idea to hear of its changes; one follow per person and idea.</summary>
public sealed record Follow(Guid IdeaId, string PersonId, DateTime CreatedAt);
