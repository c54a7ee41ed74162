namespace Netvaerk.Domain.Networks;

/// <summary>The three kinds of network in the municipality's strategy.</summary>
public enum NetworkType
{
    /// <summary>Innovationsnetværk: big, complex problems across many areas; about a year.</summary>
    Innovation,

    /// <summary>Velfærdsnetværk: citizen-near welfare in a bounded area; about four intensive weeks.</summary>
    Welfare,

    /// <summary>Læringsnetværk: competence development and knowledge sharing; about six months.</summary>
    Learning,
}
