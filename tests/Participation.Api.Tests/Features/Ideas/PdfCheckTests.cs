using System.Text;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Tests.Features.Ideas;

/// <summary>The PDF check reads inside compressed object streams, where a scan of the raw bytes sees nothing.</summary>
public sealed class PdfCheckTests
{
    [Fact]
    public void The_same_pdf_with_a_harmless_opening_action_is_accepted()
    {
        var pdf = IdeaAttachmentsTests.PdfWithCompressedScript("<< /S /GoTo /D [3 0 R /Fit] >>");

        Assert.True(PdfCheck.IsAcceptable(pdf));
    }

    [Theory]
    [InlineData("<< /S /JavaScript /JS (app.alert(1)) >>")]
    [InlineData("<< /S /Launch /F (calc.exe) >>")]
    [InlineData("<< /S /SubmitForm /F (https://example.test/) >>")]
    public void A_script_or_action_packed_in_an_object_stream_is_refused(string action)
    {
        var pdf = IdeaAttachmentsTests.PdfWithCompressedScript(action);
        var raw = Encoding.ASCII.GetString(pdf);
        Assert.DoesNotContain("/JavaScript", raw); // invisible to a scan of the bytes
        Assert.DoesNotContain("/Launch", raw);
        Assert.DoesNotContain("/SubmitForm", raw);

        Assert.False(PdfCheck.IsAcceptable(pdf));
    }
}
