namespace Participation.Api.Features.Support;

/// <summary>The vendor's support (deploy/CONFIGURATION.md « E-mail »).</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>Where the staff area's contact-support form writes.</summary>
    public string Email { get; set; } = "support@participation.local";
}
