namespace CoCreation.Web;

/// <summary>Every text on the pages: Resources/Text.resx (English), Text.fi.resx and Text.sv.resx, used as <c>IStringLocalizer&lt;Text&gt;</c>.</summary>
public sealed class Text;
