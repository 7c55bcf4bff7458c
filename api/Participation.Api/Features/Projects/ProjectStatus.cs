using System.Text.Json.Serialization;

namespace Participation.Api.Features.Projects;

/// <summary>A project's life: a draft only its staff (and preview links) see, then published, then archived (read-only).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ProjectStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>How the public project list is sorted.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ProjectSort
{
    Newest,
    EndingSoon,
}
