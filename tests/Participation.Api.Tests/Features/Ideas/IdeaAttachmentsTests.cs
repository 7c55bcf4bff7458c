using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Participation.Api.Features.Ideas;
using Participation.Api.Tests.Features.Media;
using Participation.Api.Tests.Infrastructure;
using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Participation.Api.Tests.Features.Ideas;

/// <summary>Ideas' photos and PDFs: checked by content, stripped of metadata, thumbnailed, limited, read as the idea is.</summary>
public sealed class IdeaAttachmentsTests(ApiFactory api) : ApiTest(api)
{
    internal static MultipartFormDataContent Form(byte[] bytes, string name, string type, string? alt = "Un banc à l'ombre")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var form = new MultipartFormDataContent { { file, "file", name } };
        if (alt is not null)
            form.Add(new StringContent(alt), "alt");
        return form;
    }

    internal static MultipartFormDataContent Photo(string alt = "Un banc à l'ombre") =>
        Form(MediaTests.Encode(SKEncodedImageFormat.Png), "banc.png", "image/png", alt);

    /// <summary>
    /// A phone's photo: a JPEG whose APP1 segment (right after SOI) holds an EXIF TIFF structure with a GPS IFD (tag 0x8825)
    /// giving a latitude reference and a readable position.
    /// </summary>
    internal static byte[] JpegWithGps(int width = 1200, int height = 800)
    {
        var jpeg = MediaTests.Encode(SKEncodedImageFormat.Jpeg, width, height);
        var position = "GPS 50.8467N 4.3525E"u8.ToArray();
        byte[] tiff =
        [
            .. "II"u8,
            0x2A,
            0x00,
            0x08,
            0x00,
            0x00,
            0x00, // little endian, IFD0 at 8
            0x01,
            0x00, // IFD0: one entry
            0x25,
            0x88,
            0x04,
            0x00,
            0x01,
            0x00,
            0x00,
            0x00,
            0x1A,
            0x00,
            0x00,
            0x00, // GPSInfo (0x8825), LONG, 1, at 26
            0x00,
            0x00,
            0x00,
            0x00, // no next IFD
            0x01,
            0x00, // GPS IFD: one entry
            0x01,
            0x00,
            0x02,
            0x00,
            0x02,
            0x00,
            0x00,
            0x00,
            (byte)'N',
            0x00,
            0x00,
            0x00, // GPSLatitudeRef "N"
            0x00,
            0x00,
            0x00,
            0x00,
            .. position,
        ];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG that is a signature and a valid header claiming 50000 × 50000 pixels (10 GB decoded), then nothing.</summary>
    internal static byte[] PngBomb()
    {
        byte[] ihdr = [.. "IHDR"u8, 0, 0, 0xC3, 0x50, 0, 0, 0xC3, 0x50, 8, 6, 0, 0, 0];
        var crc = Crc32(ihdr);
        byte[] iend = [.. "IEND"u8];
        var endCrc = Crc32(iend);
        return
        [
            0x89,
            0x50,
            0x4E,
            0x47,
            0x0D,
            0x0A,
            0x1A,
            0x0A,
            0,
            0,
            0,
            13,
            .. ihdr,
            (byte)(crc >> 24),
            (byte)(crc >> 16),
            (byte)(crc >> 8),
            (byte)crc,
            0,
            0,
            0,
            0,
            .. iend,
            (byte)(endCrc >> 24),
            (byte)(endCrc >> 16),
            (byte)(endCrc >> 8),
            (byte)endCrc,
        ];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    internal static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("Plan du parc", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        return builder.Build();
    }

    /// <summary>
    /// A PDF 1.5 whose opening action is a script kept in a Flate-compressed object stream, found through a cross-reference
    /// stream: none of "/JavaScript", "/JS" or "/OpenAction"'s target appears in its raw bytes.
    /// </summary>
    internal static byte[] PdfWithCompressedScript(string action = "<< /S /JavaScript /JS (app.alert(1)) >>")
    {
        var body = new MemoryStream();
        var offsets = new Dictionary<int, long>();
        void Write(string text) => body.Write(System.Text.Encoding.ASCII.GetBytes(text));
        void Object(int number, string text)
        {
            offsets[number] = body.Position;
            Write($"{number} 0 obj\n{text}\nendobj\n");
        }
        Write("%PDF-1.5\n");
        Object(1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>");
        Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>");
        var header = "4 0 ";
        var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(System.Text.Encoding.ASCII.GetBytes(header + action));
        offsets[5] = body.Position;
        Write($"5 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        body.Write(packed.ToArray());
        Write("\nendstream\nendobj\n");
        // The cross-reference stream: type (1 byte), offset or object stream number (4), generation or index (2).
        var xrefOffset = body.Position;
        var rows = new List<byte[]> { Row(0, 0, 0xFFFF) };
        rows.AddRange(new[] { 1, 2, 3 }.Select(n => Row(1, offsets[n], 0)));
        rows.Add(Row(2, 5, 0));
        rows.Add(Row(1, offsets[5], 0));
        rows.Add(Row(1, xrefOffset, 0));
        var table = rows.SelectMany(r => r).ToArray();
        Write($"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {table.Length} >>\nstream\n");
        body.Write(table);
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return body.ToArray();

        static byte[] Row(byte type, long field2, int field3) =>
            [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];
    }

    /// <summary>The JPEG's segments before its image data: (marker, payload).</summary>
    private static List<(byte Marker, byte[] Payload)> Segments(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        var list = new List<(byte, byte[])>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA)
        {
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            list.Add((jpeg[i + 1], jpeg[(i + 4)..(i + 2 + length)]));
            i += 2 + length;
        }
        return list;
    }

    private static void AssertNoExif(byte[] jpeg)
    {
        var segments = Segments(jpeg);
        Assert.NotEmpty(segments);
        Assert.DoesNotContain(segments, s => s.Marker == 0xE1); // no APP1 (EXIF, XMP)
        foreach (var (_, payload) in segments)
        {
            Assert.True(payload.AsSpan().IndexOf("Exif\0\0"u8) < 0);
            Assert.True(payload.AsSpan().IndexOf(new byte[] { 0x25, 0x88 }) < 0 && payload.AsSpan().IndexOf(new byte[] { 0x88, 0x25 }) < 0);
        }
        Assert.True(jpeg.AsSpan().IndexOf("Exif\0\0"u8) < 0);
        Assert.True(jpeg.AsSpan().IndexOf("GPS 50.8467N"u8) < 0);
    }

    private int StoredFiles() =>
        Directory.Exists(Api.StorageDirectory) ? Directory.GetFiles(Api.StorageDirectory, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_phone_photo_loses_its_gps_position_and_gets_a_thumbnail()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var sent = JpegWithGps();
        Assert.Contains(Segments(sent), s => s.Marker == 0xE1); // the test photo does carry its position

        var response = await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Form(sent, "IMG_0001.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("image", body["kind"]!.GetValue<string>());
        Assert.Equal("image/jpeg", body["contentType"]!.GetValue<string>());
        Assert.Equal("Un banc à l'ombre", body["alt"]!.GetValue<string>());
        Assert.Equal(1200, body["width"]!.GetValue<int>());
        var url = body["url"]!.GetValue<string>();
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        var file = await Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        AssertNoExif(await file.Content.ReadAsByteArrayAsync());
        var thumb = await Api.CreateClient().GetByteArrayAsync(body["thumbnailUrl"]!.GetValue<string>());
        AssertNoExif(thumb);
        using (var decoded = SKBitmap.Decode(thumb))
            Assert.Equal((480, 320), (decoded.Width, decoded.Height));
        foreach (var stored in Directory.GetFiles(Api.StorageDirectory, "*", SearchOption.AllDirectories))
            AssertNoExif(await File.ReadAllBytesAsync(stored));
        Assert.Equal(2, StoredFiles());

        var shown = await c.GetIdeaAsync(Api.CreateClient(), idea);
        Assert.Equal(url, shown["attachments"]![0]!["url"]!.GetValue<string>());
        var listed = await (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync();
        Assert.Equal(url, listed["items"]![0]!["attachments"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(c.ResidentA.Id, await Api.ScalarAsync<Guid>("SELECT uploaded_by FROM idea_attachments"));
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.attachment_added'"));
    }

    [Fact]
    public async Task A_pdf_is_kept_with_its_name_and_downloaded_not_shown()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        var response = await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Form(Pdf(), "Plan du parc.pdf", "application/pdf", null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("pdf", body["kind"]!.GetValue<string>());
        Assert.Equal("Plan du parc.pdf", body["fileName"]!.GetValue<string>());
        Assert.Null(body["thumbnailUrl"]);
        var file = await Api.CreateClient().GetAsync(body["url"]!.GetValue<string>());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Theory]
    [InlineData("text_named_jpg")]
    [InlineData("png_declared_jpeg")]
    [InlineData("truncated_jpeg")]
    [InlineData("png_bomb")]
    [InlineData("empty")]
    [InlineData("image_without_alt")]
    [InlineData("pdf_that_does_not_parse")]
    [InlineData("pdf_with_javascript")]
    [InlineData("pdf_with_javascript_in_an_object_stream")]
    [InlineData("too_large")]
    [InlineData("svg")]
    public async Task Wrong_content_and_bombs_are_refused_and_nothing_is_written(string kind)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var png = MediaTests.Encode(SKEncodedImageFormat.Png);
        var jpeg = MediaTests.Encode(SKEncodedImageFormat.Jpeg, 400, 300);
        var pdf = Pdf();
        var form = kind switch
        {
            "text_named_jpg" => Form("Ceci n'est pas une photo"u8.ToArray(), "photo.jpg", "image/jpeg"),
            "png_declared_jpeg" => Form(png, "photo.jpg", "image/jpeg"),
            "truncated_jpeg" => Form(jpeg[..(jpeg.Length / 2)], "photo.jpg", "image/jpeg"),
            "png_bomb" => Form(PngBomb(), "bomb.png", "image/png"),
            "empty" => Form([], "photo.png", "image/png"),
            "image_without_alt" => Form(png, "photo.png", "image/png", null),
            "pdf_that_does_not_parse" => Form("%PDF-1.7\n1 0 obj garbage\n%%EOF\n"u8.ToArray(), "plan.pdf", "application/pdf", null),
            "pdf_with_javascript" => Form(
                [.. pdf[..^6], .. "\n<< /S /JavaScript /JS (app.alert(1)) >>\n%%EOF\n"u8],
                "plan.pdf",
                "application/pdf",
                null
            ),
            "pdf_with_javascript_in_an_object_stream" => Form(PdfWithCompressedScript(), "plan.pdf", "application/pdf", null),
            "too_large" => Form([.. png, .. new byte[11 * 1024 * 1024]], "photo.png", "image/png"),
            _ => Form("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "photo.svg", "image/svg+xml"),
        };
        var events = await Api.CountAsync("events");

        var response = await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", form);

        if (kind == "too_large")
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        else
            await response.AssertFieldErrorsAsync(kind == "image_without_alt" ? "alt" : "file");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, StoredFiles());
        Assert.Equal(0, await Api.CountAsync("idea_attachments"));
        Assert.Equal(events, await Api.CountAsync("events"));
    }

    [Fact]
    public async Task An_idea_takes_at_most_six_attachments_even_sent_in_parallel()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo()))
        );

        Assert.Equal(6, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(6, await Api.CountAsync("idea_attachments"));
        Assert.Equal(12, StoredFiles()); // each photo and its thumbnail, nothing of the refused ones
        Assert.Equal(
            "0,1,2,3,4,5",
            await Api.ScalarAsync<string>("SELECT string_agg(position::text, ',' ORDER BY position) FROM idea_attachments")
        );
        await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo())).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Alt_text_order_and_removal()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var first = (await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo("Un"))).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var second = (
            await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Form(Pdf(), "a.pdf", "application/pdf", null))).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();

        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/{first}", new { alt = " " })).AssertFieldErrorsAsync("alt");
        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/{second}", new { alt = "x" })).AssertFieldErrorsAsync("alt");
        var edited = await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/{first}", new { alt = "Le banc vu de l'étang" });
        Assert.Equal("Le banc vu de l'étang", (await edited.ReadJsonAsync())["alt"]!.GetValue<string>());
        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/order", new { ids = new[] { first } })).AssertFieldErrorsAsync(
            "ids"
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/order", new { ids = new[] { second, first } })).StatusCode
        );
        var shown = await c.GetIdeaAsync(c.B, idea);
        Assert.Equal(second, shown["attachments"]![0]!["id"]!.GetValue<Guid>());

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync($"/api/v1/ideas/{idea}/attachments/{first}")).StatusCode);
        Assert.Equal(1, StoredFiles());
        Assert.Single((await c.GetIdeaAsync(c.B, idea))["attachments"]!.AsArray());
        await (await c.A.DeleteAsync($"/api/v1/ideas/{idea}/attachments/{first}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.attachment_removed'"));
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.attachment_edited'"));
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.attachments_reordered'"));
    }

    [Fact]
    public async Task A_hidden_ideas_files_are_read_only_by_its_author_and_staff()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var body = await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo())).ReadJsonAsync();
        var url = body["url"]!.GetValue<string>();
        var thumb = body["thumbnailUrl"]!.GetValue<string>();
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/hide", new { reason = "Test" })).StatusCode
        );

        foreach (var client in new[] { Api.CreateClient(), c.B, c.Mod2 })
        {
            await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(thumb)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(HttpStatusCode.OK, (await c.A.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.GetAsync(thumb)).StatusCode);
        // The author's page shows the images through signed links (an <img> sends no token); a forged one opens nothing.
        var signed = (await c.GetIdeaAsync(c.A, idea))["attachments"]![0]!["thumbnailUrl"]!.GetValue<string>();
        Assert.Contains("sig=", signed);
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync(signed)).StatusCode);
        var forged = signed[..^3] + (signed[^3..] == "AAA" ? "BBB" : "AAA");
        await (await Api.CreateClient().GetAsync(forged)).AssertProblemAsync(HttpStatusCode.NotFound);
        var other = $"/api/v1/ideas/{idea}/attachments/{Guid.NewGuid()}" + signed[signed.IndexOf('?')..];
        await (await Api.CreateClient().GetAsync(other)).AssertProblemAsync(HttpStatusCode.NotFound);
        // Its author may no longer change a hidden idea's files; its staff may.
        await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo())).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await c.Mod1.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo())).StatusCode);
    }

    [Fact]
    public async Task The_list_reads_every_ideas_attachments_in_its_one_statement()
    {
        var c = await IdeaCity.CreateAsync(Api);
        for (var n = 0; n < 3; n++)
        {
            var idea = await c.IdeaAsync(c.A, title: $"Idée numéro {n}");
            await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", Photo());
        }

        int statements;
        ListIdeas.Response listed;
        using (var counter = new SqlCounter())
        {
            listed = await Api.Send(new ListIdeas.Query(null, c.P1, null, null, null, null, null, null, null, null, null, null, null));
            statements = counter.Count;
        }

        Assert.Equal(3, listed.Items.Count);
        Assert.All(listed.Items, i => Assert.Single(i.Attachments!));
        Assert.True(statements <= 3, $"{statements} statements");
    }
}

/// <summary>The authorization matrix (QUALITY.md §2) of ideas' attachments: resident A's idea in P1 with A's photo.</summary>
public sealed class IdeaAttachmentsAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["read_file", "add", "edit_alt", "reorder", "remove"];

    private static int Expected(string actor, string action)
    {
        var staff = actor is "moderator_p1" or "head_d1" or "admin";
        var allowed = staff || actor == "resident_a";
        return action switch
        {
            "read_file" => 200,
            _ when actor == "anonymous" => 401,
            _ when !allowed => 403,
            "add" => 201,
            "edit_alt" => 200,
            _ => 204,
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_an_ideas_attachments(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var photo = await (await c.A.PostAsync($"/api/v1/ideas/{idea}/attachments", IdeaAttachmentsTests.Photo())).ReadJsonAsync();
        var id = photo["id"]!.GetValue<Guid>();
        var client = await c.ClientAsync(actor);
        const string State = "SELECT count(*)::text || string_agg(alt_text || position, ',') FROM idea_attachments";
        var before = await Api.ScalarAsync<string>(State);

        var response = action switch
        {
            "read_file" => await client.GetAsync(photo["url"]!.GetValue<string>()),
            "add" => await client.PostAsync($"/api/v1/ideas/{idea}/attachments", IdeaAttachmentsTests.Photo()),
            "edit_alt" => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/{id}", new { alt = "Autre texte" }),
            "reorder" => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}/attachments/order", new { ids = new[] { id } }),
            "remove" => await client.DeleteAsync($"/api/v1/ideas/{idea}/attachments/{id}"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>(State));
        }
    }
}
