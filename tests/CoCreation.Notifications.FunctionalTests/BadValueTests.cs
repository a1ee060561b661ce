using CoCreation.Testing;

namespace CoCreation.Notifications.FunctionalTests;

public sealed class NullListEntryTests(NotificationsServiceFactory factory) : NullListEntrySpecification<Program>(factory), IClassFixture<NotificationsServiceFactory>;
