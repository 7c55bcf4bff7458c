using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Tests.Features.Media;

/// <summary>The rich-text allow-list's images: this API's own media with their alt text, nothing else.</summary>
public sealed class RichTextTests
{
    private const string Own = "/api/v1/media/0123456789abcdef0123456789abcdef.png";

    [Fact]
    public void Own_media_is_kept_with_its_alt_text() =>
        Assert.Equal(
            $"<p><img src=\"{Own}\" alt=\"Plan du parc\"></p>",
            RichText.Sanitize($"<p><img src=\"{Own}\" alt=\"Plan du parc\"></p>")
        );

    [Fact]
    public void An_image_without_alt_is_kept_as_decorative() =>
        Assert.Equal($"<img src=\"{Own}\" alt=\"\">", RichText.Sanitize($"<img src=\"{Own}\">"));

    [Theory]
    [InlineData("https://evil.example/tracker.png")]
    [InlineData("//evil.example/api/v1/media/0123456789abcdef0123456789abcdef.png")]
    [InlineData("https://city.example/api/v1/media/0123456789abcdef0123456789abcdef.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("/api/v1/media/../projects/x/image")]
    [InlineData("/api/v1/users/0123456789abcdef0123456789abcdef.png")]
    [InlineData("")]
    public void Any_other_image_source_is_stripped(string src) =>
        Assert.Equal("<p>Avant Après</p>", RichText.Sanitize($"<p>Avant <img src=\"{src}\" alt=\"x\" onerror=\"alert(1)\">Après</p>"));

    [Fact]
    public void Image_attributes_and_event_handlers_are_stripped() =>
        Assert.Equal(
            $"<img src=\"{Own}\" alt=\"Plan\">",
            RichText.Sanitize(
                $"<img src=\"{Own}\" alt=\"Plan\" onerror=\"alert(1)\" style=\"width:9999px\" width=\"10\" srcset=\"https://x/y.png\">"
            )
        );

    [Fact]
    public void Src_and_alt_belong_to_images_only() =>
        Assert.Equal("<p>Texte</p>", RichText.Sanitize($"<p src=\"{Own}\" alt=\"x\">Texte</p>"));

    [Fact]
    public void Javascript_links_are_still_stripped() =>
        Assert.DoesNotContain("javascript", RichText.Sanitize("<a href=\"javascript:alert(1)\">lien</a>"));
}
