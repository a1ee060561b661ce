using CoCreation.Testing;

namespace CoCreation.Identity.FunctionalTests;

public sealed class NullListEntryTests(IdentityServiceFactory factory) : NullListEntrySpecification<Program>(factory), IClassFixture<IdentityServiceFactory>;
