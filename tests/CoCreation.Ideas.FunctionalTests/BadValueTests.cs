using CoCreation.Testing;

namespace CoCreation.Ideas.FunctionalTests;

public sealed class NullListEntryTests(IdeasServiceFactory factory) : NullListEntrySpecification<Program>(factory), IClassFixture<IdeasServiceFactory>;

public sealed class EnumByNameTests(IdeasServiceFactory factory) : EnumByNameSpecification<Program>(factory), IClassFixture<IdeasServiceFactory>;
