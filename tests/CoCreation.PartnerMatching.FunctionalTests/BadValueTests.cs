using CoCreation.Testing;

namespace CoCreation.PartnerMatching.FunctionalTests;

public sealed class NullListEntryTests(PartnerMatchingServiceFactory factory) : NullListEntrySpecification<Program>(factory), IClassFixture<PartnerMatchingServiceFactory>;

public sealed class EnumByNameTests(PartnerMatchingServiceFactory factory) : EnumByNameSpecification<Program>(factory), IClassFixture<PartnerMatchingServiceFactory>;
