using System.Globalization;
using System.Net;
using System.Text;
using CoCreation.Web.Api;
using CoCreation.Web.Components.Ideas;
using CoCreation.Web.Components.Organisation;
using CoCreation.Web.Components.Pages;
using CoCreation.Web.Components.Shared;
using CoCreation.Web.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoCreation.Web.Tests;

public sealed class LogicTests
{
    [Fact]
    public void A_fields_messages_include_its_list_items_and_tie_the_field_to_its_hint_and_error_list()
    {
        IReadOnlyDictionary<string, IReadOnlyList<string>> messages = new Dictionary<string, IReadOnlyList<string>>
        {
            ["themes[1]"] = ["Unknown theme: sports."],
            ["Title"] = ["Give the idea a title."],
        };

        Assert.Equal(["Unknown theme: sports."], messages.Of("themes"));
        Assert.Equal(["Give the idea a title."], messages.Of("title"));
        Assert.Empty(messages.Of("summary"));
        Assert.Equal(("true", (string?)null), (messages.Invalid("title"), messages.Invalid("summary")));
        Assert.Equal("title-hint title-errors", messages.DescribedBy("title", "title-hint"));
        Assert.Equal("summary-hint", messages.DescribedBy("summary", "summary-hint"));
        Assert.Null(messages.DescribedBy("summary"));
    }

    [Theory]
    [InlineData("/ideas?q=x", "/ideas?q=x")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    // Browsers drop a tab, CR or LF in a URL and read "/\t/evil.example" as "//evil.example".
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("~/ideas", "/")]
    [InlineData("ideas", "/")]
    // A Location header is ASCII: other letters go percent-encoded, and the page is the same.
    [InlineData("/ideas?q=päiväkoti", "/ideas?q=p%C3%A4iv%C3%A4koti")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    public void Sign_in_returns_only_to_a_page_of_this_site(string? asked, string expected) =>
        Assert.Equal(expected, WebSignIn.LocalOrHome(asked));

    [Fact]
    public void A_notification_links_to_the_page_of_the_resource_it_names()
    {
        Assert.Equal("/ideas/42", Notifications.WebLink("/api/v1/ideas/42/interests/7"));
        Assert.Equal("/projects/9", Notifications.WebLink("/api/v1/projects/9"));
        Assert.Equal("/somewhere", Notifications.WebLink("/somewhere"));
    }

    [Fact]
    public void An_idea_query_repeats_each_chosen_filter_and_leaves_out_the_empty_ones()
    {
        var query = new IdeaQuery(Q: "quiet lunch", Theme: ["a", "b"], Status: ["published"], Sort: "newest", Limit: 6);
        Assert.Equal("?q=quiet%20lunch&theme=a&theme=b&status=published&sort=newest&limit=6", query.ToQueryString());
        Assert.Equal("", new IdeaQuery().ToQueryString());
    }

    [Fact]
    public void The_idea_form_names_each_missing_field_in_the_persons_language()
    {
        var text = Localizer("sv");
        var errors = new IdeaDraft { Title = "  ", Summary = new string('x', 501) }.Check(text);
        Assert.Equal(["kind", "title", "summary", "themes"], errors.Keys);
        Assert.Equal(["Ge idén en rubrik."], errors["title"]);
        Assert.Equal(["Högst 500 tecken."], errors["summary"]);
    }

    [Fact]
    public void A_complete_draft_passes_and_becomes_the_APIs_content_with_its_competences_split()
    {
        var draft = new IdeaDraft
        {
            Kind = "offer", Title = " Reading buddies ", Summary = "Older pupils read with younger ones.", Themes = ["learning-and-teaching"],
            SoughtCompetences = "reading, , mentoring ", Language = "fi",
        };
        Assert.Empty(draft.Check(Localizer("fi")));
        var content = draft.ToContent();
        Assert.Equal("Reading buddies", content.Title);
        Assert.Equal(["reading", "mentoring"], content.SoughtCompetences);
        Assert.Null(content.Description);
    }

    [Fact]
    public void A_draft_kept_over_a_new_sign_in_comes_back_field_by_field()
    {
        var fields = new Dictionary<string, string?[]>
        {
            ["Draft.Kind"] = ["need"], ["Draft.Title"] = ["Quiet lunch"], ["Draft.Themes"] = ["a", "b"], ["Draft.Version"] = ["3"],
        };
        var draft = IdeaDraft.FromFields(fields);
        Assert.Equal(("need", "Quiet lunch", 3), (draft.Kind, draft.Title, draft.Version));
        Assert.Equal(["a", "b"], draft.Themes);
    }

    [Fact]
    public async Task A_form_posted_after_the_session_ended_is_kept_for_its_own_page_once()
    {
        var rescue = new FormRescue(new EphemeralDataProtectionProvider());
        var posted = new DefaultHttpContext();
        posted.Request.Method = "POST";
        posted.Request.Path = "/ideas/new";
        posted.Request.ContentType = "application/x-www-form-urlencoded";
        posted.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("Draft.Title=Quiet+lunch&__RequestVerificationToken=secret&_handler=idea"));

        Assert.Equal("/ideas/new", await rescue.KeepAsync(posted));
        var cookie = posted.Response.Headers.SetCookie.ToString().Split(';')[0].Split('=', 2);

        var elsewhere = new DefaultHttpContext();
        elsewhere.Request.Path = "/ideas";
        elsewhere.Request.Headers.Cookie = $"{cookie[0]}={cookie[1]}";
        Assert.Null(rescue.Take(elsewhere));

        var back = new DefaultHttpContext();
        back.Request.Path = "/ideas/new";
        back.Request.Headers.Cookie = $"{cookie[0]}={cookie[1]}";
        var fields = rescue.Take(back)!;
        Assert.Equal("Quiet lunch", Assert.Single(fields["Draft.Title"]));
        Assert.False(fields.ContainsKey("__RequestVerificationToken")); // never kept: it belongs to the old session
        Assert.Contains("expires=Thu, 01 Jan 1970", back.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_client_turns_each_kind_of_answer_into_what_a_page_can_act_on()
    {
        var api = Api(HttpStatusCode.BadRequest, """{"status":400,"title":"Invalid.","errors":{"title":["Too long."]}}""", "application/problem+json");
        var refused = await api.GetIdeaAsync(Guid.NewGuid());
        Assert.False(refused.Succeeded);
        Assert.Equal(["Too long."], refused.Problem!.For("Title"));

        var found = await Api(HttpStatusCode.NotFound, """{"status":404,"title":"No such idea."}""", "application/problem+json").GetIdeaAsync(Guid.NewGuid());
        Assert.True(found.IsNotFound);

        await Assert.ThrowsAsync<SignInRequiredException>(() => Api(HttpStatusCode.Unauthorized, "", "text/plain").GetIdeaAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Api(HttpStatusCode.ServiceUnavailable, "", "text/plain").GetIdeaAsync(Guid.NewGuid()));

        var done = await Api(HttpStatusCode.NoContent, "", "text/plain").SetSupportAsync(Guid.NewGuid(), true);
        Assert.True(done.Succeeded);
    }

    [Fact]
    public void An_environment_form_keeps_two_empty_window_rows_and_sends_only_the_filled_ones()
    {
        var form = new EnvironmentForm.EnvironmentFormModel
        {
            Kind = "library", Name = " Reading room ", Area = "Tapiola",
            Windows = [new() { From = new DateOnly(2027, 1, 4), To = new DateOnly(2027, 1, 8) }],
        };
        form.PadWindows();
        form.PadWindows(); // a second render adds no more
        Assert.Equal(3, form.Windows.Count);

        form.Windows[2].From = new DateOnly(2027, 2, 1); // only a start: a one-day window
        var content = form.ToContent();
        Assert.Equal("Reading room", content.Name);
        Assert.Equal([new AvailabilityWindow(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 8)), new AvailabilityWindow(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 1))],
            content.Availability);
        Assert.Empty(content.AgeGroups);
    }

    [Fact]
    public void A_challenge_form_says_what_is_missing_in_the_persons_language_and_a_close_before_the_opening()
    {
        var form = new ChallengeForm.ChallengeFormModel { Title = "Quieter breaks", Themes = null, OpensOn = new DateOnly(2027, 3, 1), ClosesOn = new DateOnly(2027, 2, 1) };

        var errors = form.Check(Localizer("fi"));

        Assert.Equal(["summary", "themes", "closesOn"], errors.Keys);
        Assert.Equal("Valitse vähintään yksi teema.", Assert.Single(errors["themes"]));
        Assert.Equal("Haasteen on sulkeuduttava aukeamispäivänä tai sen jälkeen.", Assert.Single(errors["closesOn"]));
    }

    private static PlatformApi Api(HttpStatusCode status, string body, string contentType) =>
        new(new HttpClient(new Answer(status, body, contentType)) { BaseAddress = new Uri("http://gateway.test") });

    private static IStringLocalizer<Text> Localizer(string language)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<Text>>();
    }

    /// <summary>A fixed answer for the unit tests of the client's mapping; the real API is in the end-to-end tests.</summary>
    private sealed class Answer(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
    }
}
