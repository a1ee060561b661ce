namespace CoCreation.Identity.Accounts;

/// <summary>The sign-in pages' texts: Resources/Accounts/PageText.resx (English), .fi.resx and .sv.resx.</summary>
public sealed class PageText;
