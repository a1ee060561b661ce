namespace CoCreation.Ideas.Model;

/// <summary>
/// One term of the managed taxonomy that tags ideas and challenges: a theme, an environment kind or an age group.
/// Codes are stable (clients filter by them); names are shown in the user's language. A retired term stays on
/// the ideas that have it but cannot be chosen for new content.
/// </summary>
public sealed class TaxonomyTerm
{
    public TaxonomyFacet Facet { get; private set; }

    public string Code { get; private set; } = "";

    public string NameFi { get; private set; } = "";

    public string NameSv { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool Retired { get; private set; }

    private TaxonomyTerm()
    {
    }

    public TaxonomyTerm(TaxonomyFacet facet, string code, string nameFi, string nameSv, string nameEn, int sortOrder)
    {
        Facet = facet;
        Code = code;
        NameFi = nameFi;
        NameSv = nameSv;
        NameEn = nameEn;
        SortOrder = sortOrder;
    }

    public void Rename(string nameFi, string nameSv, string nameEn)
    {
        NameFi = nameFi;
        NameSv = nameSv;
        NameEn = nameEn;
    }

    public void Retire() => Retired = true;

    public void Reinstate() => Retired = false;

    /// <summary>The taxonomy every new database starts with (migrations insert it).</summary>
    public static IReadOnlyList<TaxonomyTerm> Seed { get; } =
    [
        new(TaxonomyFacet.Theme, "learning-and-teaching", "Oppiminen ja opetus", "Lärande och undervisning", "Learning and teaching", 1),
        new(TaxonomyFacet.Theme, "early-childhood-education", "Varhaiskasvatus", "Småbarnspedagogik", "Early childhood education", 2),
        new(TaxonomyFacet.Theme, "culture-and-libraries", "Kulttuuri ja kirjastot", "Kultur och bibliotek", "Culture and libraries", 3),
        new(TaxonomyFacet.Theme, "museums", "Museot", "Museer", "Museums", 4),
        new(TaxonomyFacet.Theme, "sustainable-development", "Kestävä kehitys", "Hållbar utveckling", "Sustainable development", 5),
        new(TaxonomyFacet.Theme, "well-being", "Hyvinvointi", "Välmående", "Well-being", 6),
        new(TaxonomyFacet.Theme, "transport", "Liikenne", "Trafik", "Transport", 7),
        new(TaxonomyFacet.Theme, "youth", "Nuoret", "Unga", "Youth", 8),
        new(TaxonomyFacet.Environment, "school", "Koulu", "Skola", "School", 1),
        new(TaxonomyFacet.Environment, "day-care-centre", "Päiväkoti", "Daghem", "Day-care centre", 2),
        new(TaxonomyFacet.Environment, "library", "Kirjasto", "Bibliotek", "Library", 3),
        new(TaxonomyFacet.Environment, "museum", "Museo", "Museum", "Museum", 4),
        new(TaxonomyFacet.Environment, "youth-centre", "Nuorisotila", "Ungdomsgård", "Youth centre", 5),
        new(TaxonomyFacet.Environment, "other", "Muu", "Annan", "Other", 6),
        new(TaxonomyFacet.AgeGroup, "early-childhood", "Varhaiskasvatusikäiset (0–6)", "Småbarn (0–6)", "Early childhood (0–6)", 1),
        new(TaxonomyFacet.AgeGroup, "primary-school", "Alakoululaiset (7–12)", "Lågstadieelever (7–12)", "Primary school (7–12)", 2),
        new(TaxonomyFacet.AgeGroup, "lower-secondary", "Yläkoululaiset (13–15)", "Högstadieelever (13–15)", "Lower secondary (13–15)", 3),
        new(TaxonomyFacet.AgeGroup, "upper-secondary", "Toisen asteen opiskelijat (16–19)", "Andra stadiet (16–19)", "Upper secondary (16–19)", 4),
        new(TaxonomyFacet.AgeGroup, "adults", "Aikuiset", "Vuxna", "Adults", 5),
        new(TaxonomyFacet.AgeGroup, "seniors", "Ikäihmiset", "Äldre", "Seniors", 6),
    ];
}

public enum TaxonomyFacet
{
    Theme,
    Environment,
    AgeGroup,
}
