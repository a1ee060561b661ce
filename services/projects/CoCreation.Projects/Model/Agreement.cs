using CoCreation.ApiConventions;

namespace CoCreation.Projects.Model;

/// <summary>
/// One version of a project's agreement: the template clauses it includes and the terms its team added. Versions are
/// only added; each participating organisation accepts a version (<see cref="AgreementAcceptance"/>), and a changed
/// agreement is a new version that everyone accepts again.
/// </summary>
public sealed class ProjectAgreement
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>1 for the first agreement, one more at each change: the ETag that <c>If-Match</c> names (0 before any).</summary>
    public int Version { get; private set; }

    /// <summary>Codes of <see cref="AgreementClauses"/>, in the templates' order.</summary>
    public List<string> Clauses { get; private set; } = [];

    /// <summary>What the team agreed on top of the templates, in Markdown (such as a different split of rights).</summary>
    public string AdditionalTerms { get; private set; } = "";

    public string ChangedByPersonId { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }

    private ProjectAgreement()
    {
    }

    public static ProjectAgreement After(ProjectAgreement? previous, Guid projectId, IReadOnlyCollection<string> clauses, string additionalTerms,
        string personId, DateTime now)
    {
        if (clauses.FirstOrDefault(c => !AgreementClauses.Codes.Contains(c)) is { } unknown)
        {
            throw new InvalidFieldException("clauses", $"'{unknown}' is not a clause; the clauses are {string.Join(", ", AgreementClauses.Codes)}.");
        }
        if (AgreementClauses.Required.FirstOrDefault(c => !clauses.Contains(c)) is { } missing)
        {
            throw new InvalidFieldException("clauses", $"Every agreement includes {string.Join(", ", AgreementClauses.Required)}; '{missing}' is missing.");
        }
        return new ProjectAgreement
        {
            Id = Guid.CreateVersion7(),
            ProjectId = projectId,
            Version = (previous?.Version ?? 0) + 1,
            Clauses = [.. AgreementClauses.Codes.Where(clauses.Contains)],
            AdditionalTerms = additionalTerms,
            ChangedByPersonId = personId,
            ChangedAt = now,
        };
    }

    public void Pseudonymise(string pseudonym) => ChangedByPersonId = pseudonym;
}

/// <summary>An organisation accepted one version of a project's agreement: who accepted for it, and when.</summary>
public sealed class AgreementAcceptance
{
    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int AgreementVersion { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string AcceptedByPersonId { get; private set; } = "";

    public DateTime AcceptedAt { get; private set; }

    private AgreementAcceptance()
    {
    }

    public static AgreementAcceptance Of(ProjectAgreement agreement, Guid organisationId, string personId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = agreement.ProjectId,
        AgreementVersion = agreement.Version,
        OrganisationId = organisationId,
        AcceptedByPersonId = personId,
        AcceptedAt = now,
    };

    public void Pseudonymise(string pseudonym) => AcceptedByPersonId = pseudonym;
}

/// <summary>One template clause, in the platform's three languages.</summary>
public sealed record AgreementClause(string Code, bool IsRequired, IReadOnlyDictionary<string, (string Title, string Text)> Texts)
{
    public (string Title, string Text) In(string language) => Texts.TryGetValue(language, out var text) ? text : Texts["fi"];
}

/// <summary>
/// The agreement templates. They follow the KYKY model of Espoo's schools and companies: clear rules make a school a
/// safe place to pilot. Pilot rules, rights and data protection are in every agreement; safeguarding is added where
/// children take part.
/// </summary>
public static class AgreementClauses
{
    public static readonly IReadOnlyList<AgreementClause> All =
    [
        new("pilot-rules", true, new Dictionary<string, (string, string)>
        {
            ["fi"] = ("Pilotoinnin säännöt",
                "Pilotointi tehdään ympäristön isännän kanssa sovittuina aikoina ja sen henkilöstön läsnä ollessa. Osallistuminen on vapaaehtoista, ja jokainen voi lopettaa milloin tahansa. " +
                "Pilotissa ei markkinoida eikä myydä mitään osallistujille. Isäntä voi keskeyttää pilotin, jos se vaarantaa ympäristön toiminnan. Kukin osapuoli vastaa omista kuluistaan, ellei toisin sovita."),
            ["sv"] = ("Regler för piloten",
                "Piloten genomförs på tider som överenskommits med miljöns värd och i närvaro av dess personal. Deltagandet är frivilligt, och var och en kan sluta när som helst. " +
                "Ingenting marknadsförs eller säljs till deltagarna under piloten. Värden kan avbryta piloten om den äventyrar verksamheten i miljön. Varje part står för sina egna kostnader, om inte annat avtalas."),
            ["en"] = ("Pilot rules",
                "The pilot runs at times agreed with the environment's host and with its staff present. Taking part is voluntary, and anyone may stop at any time. " +
                "Nothing is marketed or sold to the participants during the pilot. The host may pause the pilot if it puts the environment's work at risk. Each party bears its own costs unless agreed otherwise."),
        }),
        new("intellectual-property", true, new Dictionary<string, (string, string)>
        {
            ["fi"] = ("Immateriaalioikeudet",
                "Kunkin osapuolen tuotteet, aineistot ja osaaminen pysyvät sen omina, ellei toisin sovita. Yhdessä tuotettujen tulosten oikeuksista sovitaan kirjallisesti tämän sopimuksen lisäehdoissa. " +
                "Osallistujien tekemät työt kuuluvat heille itselleen."),
            ["sv"] = ("Immateriella rättigheter",
                "Varje parts produkter, material och kunnande förblir dess egna, om inte annat avtalas. Rättigheterna till resultat som tagits fram tillsammans avtalas skriftligt i avtalets tilläggsvillkor. " +
                "Det som deltagarna skapar tillhör dem själva."),
            ["en"] = ("Intellectual property",
                "Each party's products, materials and know-how stay its own unless agreed otherwise. Rights to results made together are agreed in writing in this agreement's additional terms. " +
                "What the participants create belongs to them."),
        }),
        new("data-protection", true, new Dictionary<string, (string, string)>
        {
            ["fi"] = ("Tietosuoja",
                "Osallistujien henkilötietoja kerätään vain pilotin tarpeisiin, yleisen tietosuoja-asetuksen mukaisesti, ja ne poistetaan pilotin päätyttyä. " +
                "Palaute annetaan nimettömänä. Tietoja ei luovuteta eteenpäin eikä käytetä markkinointiin."),
            ["sv"] = ("Dataskydd",
                "Deltagarnas personuppgifter samlas in endast för pilotens behov, enligt dataskyddsförordningen, och raderas när piloten är slut. " +
                "Respons ges anonymt. Uppgifterna lämnas inte vidare och används inte för marknadsföring."),
            ["en"] = ("Data protection",
                "Participants' personal data is collected only for the pilot's needs, under the GDPR, and deleted when the pilot ends. " +
                "Feedback is given anonymously. The data is not passed on and is not used for marketing."),
        }),
        new("safeguarding", false, new Dictionary<string, (string, string)>
        {
            ["fi"] = ("Lasten turvallisuus",
                "Kouluissa ja päiväkodeissa lasten kanssa toimii aina koulun tai päiväkodin aikuinen. Lapsia ei kuvata eikä heidän ääntään tallenneta ilman huoltajan lupaa. " +
                "Lasten kanssa työskentelevät ulkopuoliset esittävät rikostaustaotteen, kun laki sitä edellyttää."),
            ["sv"] = ("Barns säkerhet",
                "I skolor och daghem finns alltid en vuxen från skolan eller daghemmet med barnen. Barn fotograferas inte och deras röst spelas inte in utan vårdnadshavarens tillstånd. " +
                "Utomstående som arbetar med barnen visar upp ett straffregisterutdrag när lagen kräver det."),
            ["en"] = ("Safeguarding children",
                "In schools and day care, an adult from the school or the day-care centre is always with the children. Children are not photographed or recorded without a guardian's consent. " +
                "Outsiders who work with the children show a criminal record extract where the law requires it."),
        }),
    ];

    public static readonly IReadOnlyList<string> Codes = [.. All.Select(c => c.Code)];

    public static readonly IReadOnlyList<string> Required = [.. All.Where(c => c.IsRequired).Select(c => c.Code)];
}
