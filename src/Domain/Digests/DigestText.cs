using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Digests;

/// <summary>Danish wording shared by the two digests.</summary>
internal static class DigestText
{
    /// <summary>"Selvevaluering", "Midtvejsevaluering", "Slutevaluering", "Opfølgning".</summary>
    public static string SurveyName(SurveyKind kind) => kind switch
    {
        SurveyKind.Baseline => "Selvevaluering",
        SurveyKind.MidTerm => "Midtvejsevaluering",
        SurveyKind.End => "Slutevaluering",
        SurveyKind.FollowUp => "Opfølgning",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Ukendt undersøgelse."),
    };

    /// <summary>"Selvevalueringen", "Midtvejsevalueringen", "Slutevalueringen", "Opfølgningen".</summary>
    public static string SurveyNameDefinite(SurveyKind kind) => kind == SurveyKind.FollowUp ? "Opfølgningen" : $"{SurveyName(kind)}en";

    /// <summary>"30 %" (whole per cent, Danish spacing).</summary>
    public static string Percent(double rate) =>
        $"{((int)Math.Round(rate * 100, MidpointRounding.AwayFromZero)).ToString(DanishText.Culture)} %";

    /// <summary>"3 af 10 har svaret (30 %)".</summary>
    public static string Answered(SurveyProgress survey) =>
        $"{survey.Answered.ToString(DanishText.Culture)} af {survey.Invited.ToString(DanishText.Culture)} har svaret ({Percent(survey.ResponseRate)})";

    /// <summary>"3 af 10 har svaret (30 %), lukker fredag den 4. juni 2027 kl. 23.59".</summary>
    public static string Rate(SurveyProgress survey) => $"{Answered(survey)}, lukker {DanishText.DateTime(survey.ClosesAt)}";

    /// <summary>"1 modtager", "12 modtagere".</summary>
    public static string Recipients(int count) =>
        count == 1 ? "1 modtager" : $"{count.ToString(DanishText.Culture)} modtagere";

    public static string Number(int count) => count.ToString(DanishText.Culture);
}
