using CoCreation.Testing;

namespace CoCreation.Projects.FunctionalTests;

/// <summary>Every write endpoint of the service's OpenAPI document, sent bad values field by field: each is a 400 naming the field.</summary>
public sealed class BadValueTests(ProjectsServiceFactory factory) : IClassFixture<ProjectsServiceFactory>
{
    private HttpClient Caller => factory.ClientAs("probe-person", Guid.NewGuid(), "moderator,administrator");

    [Fact]
    public async Task A_null_inside_any_list_of_any_write_endpoint_is_a_400_naming_the_entry()
    {
        var caller = Caller;
        var probes = await BadValueProbes.ListFieldsAsync(caller);

        Assert.NotEmpty(probes);
        Assert.Empty(await BadValueProbes.FailuresAsync(caller, probes));
    }
}
