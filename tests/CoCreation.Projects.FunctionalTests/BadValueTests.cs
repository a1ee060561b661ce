using CoCreation.Testing;

namespace CoCreation.Projects.FunctionalTests;

public sealed class NullListEntryTests(ProjectsServiceFactory factory) : NullListEntrySpecification<Program>(factory), IClassFixture<ProjectsServiceFactory>;
