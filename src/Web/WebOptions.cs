using System.ComponentModel.DataAnnotations;

namespace Netvaerk.Web;

/// <summary>Configuration section "Netvaerk": the installation's tenant, links and addresses.</summary>
public sealed class NetvaerkOptions
{
    public const string Section = "Netvaerk";

    [Required]
    public string TenantId { get; set; } = "albertslund";

    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080/";

    [Required]
    [EmailAddress]
    public string OrganizerEmail { get; set; } = "netvaerkssekretariatet@albertslund.dk";

    [Required]
    public string PoliticalLiaisonName { get; set; } = "Kontaktperson for §17,4-udvalget";

    [Required]
    [EmailAddress]
    public string PoliticalLiaisonEmail { get; set; } = "udvalg17-4@albertslund.dk";
}

/// <summary>Configuration section "Access": who may sign in.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    [Required]
    [EmailAddress]
    public string FirstSecretariatEmail { get; set; } = "netvaerkssekretariatet@albertslund.dk";

    public List<string> EmployeeDomains { get; set; } = ["albertslund.dk"];

    /// <summary>
    /// Staff sign in with e-mail links (the local host). The Functions host turns this off: there App Service
    /// Authentication (Entra ID) signs people in, and the link routes answer 404.
    /// </summary>
    public bool LinkSignIn { get; set; } = true;

    [Range(1, 1440)]
    public int LinkLifetimeMinutes { get; set; } = 30;

    /// <summary>A session ends this long after signing in, however active (the cookie also expires after 8 idle hours).</summary>
    [Range(1, 720)]
    public int SessionLifetimeHours { get; set; } = 12;

    /// <summary>
    /// Asking for a sign-in link answers after at least this long, whether the address is known or not, so the time of
    /// the answer tells nothing (the work itself takes a few milliseconds).
    /// </summary>
    [Range(0, 5000)]
    public int LinkAnswerMilliseconds { get; set; } = 250;

    /// <summary>Sign-in links one address may ask for per hour.</summary>
    [Range(1, 1000)]
    public int LinksPerAddressPerHour { get; set; } = 5;

    /// <summary>Ideas one person may send through the idea form per hour (against bots and double posts).</summary>
    [Range(1, 10000)]
    public int IdeasPerPersonPerHour { get; set; } = 10;

    /// <summary>Sign-in links one client (IP address) may ask for per hour.</summary>
    [Range(1, 100000)]
    public int LinksPerClientPerHour { get; set; } = 30;
}

/// <summary>Configuration section "Evaluation": the survey pseudonyms' secret and the anonymity threshold.</summary>
public sealed class EvaluationOptions : IValidatableObject
{
    public const string Section = "Evaluation";

    /// <summary>
    /// Base64 of at least 32 random bytes: the key of the respondents' pseudonyms (<c>RespondentKeys</c>). It must stay
    /// the same for the life of the data, or before/after answers no longer pair. The embedded host keeps one in its
    /// data folder; in Azure it is a Key Vault secret.
    /// </summary>
    [Required]
    public string RespondentKeySecret { get; set; } = "";

    /// <summary>The fewest respondents any published figure may rest on (DOMAIN.md: 5).</summary>
    [Range(3, 100)]
    public int AnonymityThreshold { get; set; } = Domain.Surveys.SurveyResults.DefaultAnonymityThreshold;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(RespondentKeySecret)) yield break; // [Required] says so
        var bytes = new byte[RespondentKeySecret.Length];
        if (!Convert.TryFromBase64String(RespondentKeySecret, bytes, out var length) || length < Domain.Evaluation.RespondentKeys.MinSecretBytes)
        {
            yield return new ValidationResult(
                $"Evaluation:RespondentKeySecret must be base64 of at least {Domain.Evaluation.RespondentKeys.MinSecretBytes} random bytes.",
                [nameof(RespondentKeySecret)]);
        }
    }
}
