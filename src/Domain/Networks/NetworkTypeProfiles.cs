namespace Netvaerk.Domain.Networks;

/// <summary>The three network types' profiles. Texts come from the seeds "De tre typer af netværk" and the strategy.</summary>
public static class NetworkTypeProfiles
{
    public static NetworkTypeProfile Innovation { get; } = new(
        NetworkType.Innovation,
        "Innovationsnetværk",
        "De store komplekse problemstillinger (»wicked problems«), der spænder over flere områder og fagligheder. "
            + "Tager afsæt i politiske visioner eller strategier, har en politisk overbygning og er dagsordensættende.",
        Forum.Direktoerforum,
        new NetworkDuration("Ca. 1 år", 12, DurationUnit.Months),
        "En relativt stor kerne af netværksdeltagere. Løbende inddrages borgere, virksomheder, vidensinstitutioner "
            + "og interesseorganisationer samt politikere (§17,4-innovationsudvalg) og aktører fra ledelsesfora.",
        "I løbet af det første år kommer forslag til mindst én ny innovativ velfærdsydelse.",
        "Vælg denne type, hvis dit tema spænder over mange forskellige områder og indeholder en eller flere store "
            + "og komplekse problemstillinger.");

    public static NetworkTypeProfile Welfare { get; } = new(
        NetworkType.Welfare,
        "Velfærdsnetværk",
        "Borgernære problemstillinger: de borgerrettede og borgernære velfærdsopgaver og ønsket om at forbedre dem. "
            + "Der arbejdes ud fra tre spor: relationel koordinering, borgerdeltagelse og innovation.",
        Forum.Chefforum,
        new NetworkDuration("Ca. 4 uger, intensivt", 4, DurationUnit.Weeks),
        "En relativt afgrænset kerne af netværksdeltagere. Løbende inddrages mere perifere deltagere, fx dem der er "
            + "berørt af temaet, og borgerne inddrages løbende som deltagere.",
        "I løbet af det første år forbedres arbejdsgange og rutiner, så borgere og medarbejdere giver udtryk for, "
            + "at de oplever en forbedring.",
        "Vælg denne type, hvis dit tema retter sig mod et borgernært perspektiv, hvor du vil udvikle og forbedre "
            + "velfærden på et afgrænset område.");

    public static NetworkTypeProfile Learning { get; } = new(
        NetworkType.Learning,
        "Læringsnetværk",
        "Kompetenceudvikling, videndeling og samarbejde på tværs: sparring, deling af viden og erfaringer og "
            + "refleksion over egen praksis. Formålet er ikke at producere løsninger på konkrete problemstillinger.",
        Forum.Chefforum,
        new NetworkDuration("Ca. 6 måneder med 4–5 netværksmøder", 6, DurationUnit.Months),
        "En stabil kerne af deltagere i og uden for organisationen, fordi kompetenceudvikling og læring kræver "
            + "kontinuitet. Eksperter kan inddrages undervejs for at sætte nye perspektiver i spil.",
        "I løbet af det første år giver deltagerne i læringsnetværk udtryk for, at de har udviklet sig og efter "
            + "egen vurdering forbedret deres kompetencer.",
        "Vælg denne type, hvis dit tema omfatter manglende viden og kompetencer i eller uden for organisationen.");

    /// <summary>All three profiles, in the order innovation, welfare, learning.</summary>
    public static IReadOnlyList<NetworkTypeProfile> All { get; } = [Innovation, Welfare, Learning];

    /// <summary>The profile of <paramref name="type"/>.</summary>
    public static NetworkTypeProfile For(NetworkType type) => type switch
    {
        NetworkType.Innovation => Innovation,
        NetworkType.Welfare => Welfare,
        NetworkType.Learning => Learning,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Ukendt netværkstype."),
    };

    /// <summary>The type's Danish name, e.g. "Læringsnetværk".</summary>
    public static string DanishName(this NetworkType type) => For(type).DanishName;

    /// <summary>The forum that decides networks of <paramref name="type"/> by default.</summary>
    public static Forum DefaultDecidingForum(this NetworkType type) => For(type).DecidingForum;
}
