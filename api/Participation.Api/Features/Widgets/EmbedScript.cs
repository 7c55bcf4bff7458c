using System.Text;

namespace Participation.Api.Features.Widgets;

/// <summary>
/// The script snippet's code: replaces each <c>&lt;script data-participation-widget="id"&gt;</c> of the page with an iframe of
/// that widget (with its title, for screen readers), and fits the frame's height to what the widget page reports, accepting
/// messages only from that frame and the API's origin. Static and cacheable: everything it needs is in the tag.
/// </summary>
public static class EmbedScript
{
    private const string Code = """
        (function () {
          'use strict';
          function mount(script) {
            if (script.getAttribute('data-participation-mounted')) return;
            script.setAttribute('data-participation-mounted', '1');
            var id = script.getAttribute('data-participation-widget') || '';
            if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || !script.src) return;
            var src = script.src.replace(/embed\.js(\?.*)?$/, 'widgets/' + id);
            var origin = new URL(src, location.href).origin;
            var frame = document.createElement('iframe');
            frame.src = src;
            frame.title = script.getAttribute('data-title') || 'Participation';
            frame.width = script.getAttribute('data-width') || '400';
            frame.height = script.getAttribute('data-height') || '600';
            frame.loading = 'lazy';
            frame.style.border = '0';
            frame.style.maxWidth = '100%';
            script.parentNode.insertBefore(frame, script);
            window.addEventListener('message', function (event) {
              var data = event.data;
              if (event.origin !== origin || event.source !== frame.contentWindow) return;
              if (!data || data.type !== 'participation-widget:height' || data.id !== id) return;
              var height = Math.round(Number(data.height));
              if (height > 0 && height <= 10000) frame.height = String(height);
            });
          }
          var scripts = document.querySelectorAll('script[data-participation-widget]');
          for (var i = 0; i < scripts.length; i++) mount(scripts[i]);
        })();

        """;

    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Code);

    [EndpointSummary("The script snippet's code (JavaScript): inserts a widget's iframe where its tag stands.")]
    public static IResult Endpoint() => new ScriptResult();

    private sealed class ScriptResult : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            response.ContentType = "text/javascript; charset=utf-8";
            response.Headers.CacheControl = "public, max-age=3600";
            // Loaded by the city's pages from the API's origin.
            response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            response.ContentLength = Bytes.Length;
            return response.Body.WriteAsync(Bytes, http.RequestAborted).AsTask();
        }
    }
}
