using System.Globalization;
using Microsoft.Playwright;

namespace CoCreation.EndToEnd.Tests.Web;

/// <summary>A city unit registers a real environment with the windows when it is free, and changes it, in the browser.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EnvironmentWebTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_school_registers_an_environment_whose_wrong_window_is_said_at_its_row_and_then_changes_it()
    {
        var name = $"Reading room {Guid.NewGuid().ToString("N")[..6]}";
        var start = DateTime.UtcNow.Date.AddDays(7);
        string Day(int days) => start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var browser = await Chromium.LaunchAsync();
        await using var school = await WebSession.SignedInAsync(browser, platform, "school@cocreation.test");
        var page = school.Page;

        await school.GotoAsync("/me/organisation/environments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register an environment" }).ClickAsync();
        await page.Locator("#environment-name").FillAsync(name);
        await page.Locator("#environment-area").FillAsync("Tapiola");
        await page.Locator("#environment-capacity").FillAsync("25");
        await page.Locator("#window-0-from").FillAsync(Day(0));
        await page.Locator("#window-0-to").FillAsync(Day(14));
        await page.Locator("#window-1-from").FillAsync(Day(40));
        await page.Locator("#window-1-to").FillAsync(Day(30)); // ends before it starts
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the environment" }).ClickAsync();
        Assert.StartsWith("A window must end on or after the day it", await page.Locator("#window-1-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(name, await page.Locator("#environment-name").InputValueAsync());

        await page.Locator("#window-1-to").FillAsync(Day(50));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the environment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The environment is registered.");
        var card = page.Locator(".cards li", new() { HasText = name });
        await Assertions.Expect(card).ToContainTextAsync("Windows when it is free: 2");

        await card.GetByRole(AriaRole.Link, new() { Name = $"Change: {name}" }).ClickAsync();
        Assert.Equal(Day(40), await page.Locator("#window-1-from").InputValueAsync());
        await page.Locator("#environment-capacity").FillAsync("40");
        await page.Locator("#environment-published").UncheckAsync(); // kept for the unit itself, hidden from partners
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the environment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The changes are saved.");
        await Assertions.Expect(page.Locator(".cards li", new() { HasText = name })).ToContainTextAsync("40");
        await Assertions.Expect(page.Locator(".cards li", new() { HasText = name })).ToContainTextAsync("Not published");

        await using var company = await WebSession.SignedInAsync(browser, platform, "partner-admin@cocreation.test");
        await company.GotoAsync("/me/organisation/environments", status: 403);
    }
}
