using System.Net;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>
/// An organisation's admin runs its presence in the browser: members and API clients. A member sees who belongs, and
/// nothing of what only admins may do.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OrganisationAdminTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_admin_adds_a_member_who_then_acts_for_the_organisation_and_removes_them_after_confirming()
    {
        var email = await NewPeople.RegisterConfirmedAsync(platform, "Mikko Member");
        await using var browser = await Chromium.LaunchAsync();
        await using var admin = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        var page = admin.Page;

        await admin.GotoAsync("/me");
        await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await admin.ArriveAtAsync(url => url.AbsolutePath == "/me/organisation/members", "the members page");
        await page.Locator("#member-email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The member is added.");
        await Assertions.Expect(page.Locator("table.data-table tbody")).ToContainTextAsync("Mikko Member");
        await admin.ScreenshotAsync("members");

        await using (var member = await WebSession.OpenAsync(browser, platform))
        {
            await member.SignInAsync(email, NewPeople.Password);
            Assert.Contains($"You are acting for: {DemoOrganisations.CompanyName}", await member.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove: Mikko Member" }).ClickAsync();
        Assert.Equal("Remove Mikko Member from the organisation?", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The member is removed.");
        Assert.DoesNotContain("Mikko Member", await page.Locator("table.data-table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_someone_who_has_not_registered_says_so_at_the_field_and_keeps_what_was_typed()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var admin = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        var page = admin.Page;
        await admin.GotoAsync("/me/organisation/members");

        await page.Locator("#member-email").FillAsync("nobody-here@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member" }).ClickAsync();

        Assert.Equal("No account has this address. Ask the person to register first.", await page.Locator("#email-errors").InnerTextAsync());
        Assert.Equal("nobody-here@example.org", await page.Locator("#member-email").InputValueAsync());
        Assert.Equal("true", await page.Locator("#member-email").GetAttributeAsync("aria-invalid"));
    }

    [Fact]
    public async Task An_admin_creates_an_API_client_whose_secret_is_shown_once_and_works_until_the_client_is_revoked()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var admin = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        var page = admin.Page;
        var name = $"Booking system {Guid.NewGuid().ToString("N")[..6]}";

        await admin.GotoAsync("/me/organisation/clients");
        await page.Locator("#client-name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        Assert.Equal("Choose at least one scope.", await page.Locator("#scopes-errors").InnerTextAsync());
        Assert.Equal(name, await page.Locator("#client-name").InputValueAsync());
        await page.Locator("#scope-ideas-read").CheckAsync();
        var created = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync(), response => response.Request.Method == "POST");
        Assert.Equal("no-store", created.Headers["cache-control"]);
        var clientId = await page.Locator("#client-id-value").InputValueAsync();
        var secret = await page.Locator("#client-secret-value").InputValueAsync();
        await Assertions.Expect(page.Locator(".secret-panel")).ToContainTextAsync("it is shown only this once");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the secret" }).ClickAsync();
        await Assertions.Expect(page.Locator("#client-secret-copied")).ToHaveTextAsync("Copied. Paste it where your system keeps its secrets.");
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));

        await admin.GotoAsync("/me/organisation/clients");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Revoke: {name}" }).ClickAsync();
        Assert.Equal($"Revoke {name}?", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The client is revoked.");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, secret)); // invalid_client, RFC 6749 5.2
    }

    [Fact]
    public async Task A_member_sees_the_members_but_no_admin_action_and_an_admin_address_is_the_403_page()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var member = await WebSession.SignedInAsync(browser, platform, "partner-member@cocreation.test");
        var page = member.Page;

        await member.GotoAsync("/me/organisation/members");
        await Assertions.Expect(page.Locator("table.data-table tbody")).ToContainTextAsync("Pekka Partner");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Change role" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "Add a member" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "API clients" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Leave the organisation: Pekka Partner" }).CountAsync());

        await member.GotoAsync("/me/organisation/clients", status: 403);
        Assert.Equal("You cannot see this", await page.Locator("h1").InnerTextAsync());
        await member.GotoAsync("/me/organisation/members/someone-else/remove", status: 404);
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var response = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "ideas.read",
        }));
        return response.StatusCode;
    }
}
