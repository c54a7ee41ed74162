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

    [Range(1, 1440)]
    public int LinkLifetimeMinutes { get; set; } = 30;
}
