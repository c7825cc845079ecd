using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Security;

/// <summary>
/// Caps every form post at the upload limit (<c>Console:MaxExportUploadBytes</c> for the Fitbit export form,
/// <c>Console:MaxUploadBytes</c> for the others) plus room for the form's other fields: a larger body is answered
/// 413 with a page saying so, before it is read; nothing is stored.
/// </summary>
internal sealed class UploadSizeCap(RequestDelegate next, IOptionsMonitor<ConsoleOptions> options)
{
    /// <summary>What a form's fields other than its file (the antiforgery token, the multipart headers) may add.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public const string ExportKey = "Console:MaxExportUploadBytes";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var (limit, key) = string.Equals(request.Query["handler"], "FitbitExport", StringComparison.OrdinalIgnoreCase)
            ? (options.CurrentValue.MaxExportUploadBytes, ExportKey)
            : (options.CurrentValue.MaxUploadBytes, "Console:MaxUploadBytes");
        if (request.ContentLength is { } length && length > limit + FormOverheadBytes)
        {
            await RefuseAsync(context, Services.UploadLimit.TooLarge(length, limit, key));
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit + FormOverheadBytes;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, string.Create(CultureInfo.InvariantCulture, $"the upload is larger than the {limit} bytes accepted ({key}); nothing was stored"));
        }
    }

    private static Task RefuseAsync(HttpContext context, string problem)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        var back = html.Encode(context.Request.Path.HasValue ? context.Request.Path.Value! : "/");
        return context.Response.WriteAsync(
            $"""
             <!DOCTYPE html>
             <html lang="en"><head><meta charset="utf-8"><title>Upload too large</title><link rel="stylesheet" href="{ConsoleAssets.PathPrefix}/site.css"></head>
             <body><main><div class="error-summary" role="alert" id="upload-too-large"><h1>Upload too large</h1><p>{html.Encode(problem)}.</p></div>
             <p><a href="{back}">Back to the page</a></p></main></body></html>
             """,
            context.RequestAborted);
    }
}
