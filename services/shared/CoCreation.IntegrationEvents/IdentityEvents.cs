namespace CoCreation.IntegrationEvents;

// Events of the identity service: people's accounts. The links carry single-use tokens; they travel only on the
// platform's own broker, to the notifications service that mails them, in the person's language (fi, sv or en;
// an event from before the language was kept has none and means Finnish).

/// <summary>A person registered (or asked again): the link confirms their email address.</summary>
public sealed record EmailConfirmationRequested(string PersonId, string Email, string DisplayName, string ConfirmationLink, DateTime OccurredAt, string Language = "fi");

/// <summary>Someone asked to reset the password of an existing account: the link lets its owner choose a new one.</summary>
public sealed record PasswordResetRequested(string PersonId, string Email, string DisplayName, string ResetLink, DateTime OccurredAt, string Language = "fi");

/// <summary>
/// A person asked for everything the platform holds about them. Each service answers with
/// <see cref="PersonalDataCollected"/>; the identity service assembles the download.
/// </summary>
public sealed record PersonalDataExportRequested(Guid ExportId, string PersonId, DateTime OccurredAt);

/// <summary>One service's part of a personal-data export: a JSON document of what it holds about the person.</summary>
public sealed record PersonalDataCollected(Guid ExportId, string PersonId, string Service, string DataJson, DateTime OccurredAt);

/// <summary>
/// A person erased their account. Services delete what is only theirs (follows, notifications) and put
/// <paramref name="Pseudonym"/> in place of their id where others rely on the content (ideas, comments, interests
/// stay, attributed to nobody). The pseudonym is random and leads back to no one.
/// </summary>
public sealed record PersonErased(string PersonId, string Pseudonym, DateTime OccurredAt);

/// <summary>
/// A person's membership of an organisation began, changed role (<c>admin</c> or <c>member</c>) or ended
/// (<paramref name="Role"/> null). Services that tell an organisation's people about things keep their own copy;
/// <paramref name="OccurredAt"/> lets them ignore an older change that arrives late.
/// </summary>
public sealed record MembershipChanged(Guid OrganisationId, string PersonId, string? Role, DateTime OccurredAt);
