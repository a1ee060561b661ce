using CoCreation.IntegrationEvents;
using CoCreation.Messaging.Inbox;
using CoCreation.Notifications.Infrastructure;
using MassTransit;

namespace CoCreation.Notifications.IntegrationEvents;

/// <summary>
/// Account emails (address confirmation, password reset). The email channel comes later; until then Development logs
/// each mail with its link, so that a developer can follow it, and other environments log that a mail could not go
/// out, never the link (it works like a password). The inbox keeps a redelivered event from mailing twice.
/// </summary>
public sealed class AccountMail(IHostEnvironment environment, ILogger<AccountMail> logger)
{
    public void Send(string to, string subject, string link)
    {
        if (environment.IsDevelopment())
        {
            logger.LogInformation("Development mail to {Recipient}: {Subject}: {Link}", to, subject, link);
        }
        else
        {
            logger.LogWarning("No email channel is configured: the mail \"{Subject}\" to a person could not be sent", subject);
        }
    }
}

public sealed class EmailConfirmationRequestedConsumer(NotificationsDbContext db, TimeProvider clock, AccountMail mail, ILogger<EmailConfirmationRequestedConsumer> logger)
    : IdempotentConsumer<EmailConfirmationRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EmailConfirmationRequested message, ConsumeContext<EmailConfirmationRequested> context)
    {
        mail.Send(message.Email, "Confirm your email address", message.ConfirmationLink);
        return Task.CompletedTask;
    }
}

public sealed class PasswordResetRequestedConsumer(NotificationsDbContext db, TimeProvider clock, AccountMail mail, ILogger<PasswordResetRequestedConsumer> logger)
    : IdempotentConsumer<PasswordResetRequested, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PasswordResetRequested message, ConsumeContext<PasswordResetRequested> context)
    {
        mail.Send(message.Email, "Choose a new password", message.ResetLink);
        return Task.CompletedTask;
    }
}
