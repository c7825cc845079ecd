using System.Net;
using System.Text.RegularExpressions;

namespace LiverMuscle.Sync.Web.Tests;

/// <summary>A browser-like HTTP client of the console: keeps cookies, never follows redirects, reads antiforgery tokens from forms.</summary>
internal sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleClient(Uri baseUrl, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path, IDictionary<string, string>? headers = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), headers);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of the form on <paramref name="formPage"/> (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> fields, string? formPage, IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(fields);
        if (formPage is not null)
        {
            all["__RequestVerificationToken"] = AntiforgeryToken(await GetPageAsync(formPage));
        }

        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) }, headers);
    }

    /// <summary>Uploads one file as the form on <paramref name="formPage"/> does (multipart, with its antiforgery token).</summary>
    public Task<HttpResponseMessage> UploadAsync(string path, string field, string fileName, string content, string formPage) =>
        UploadAsync(path, field, fileName, System.Text.Encoding.UTF8.GetBytes(content), formPage);

    public async Task<HttpResponseMessage> UploadAsync(string path, string field, string fileName, byte[] content, string formPage)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken(await GetPageAsync(formPage))), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, null);
    }

    public async Task<HttpResponseMessage> SignInAsync(string password) =>
        await PostAsync("/signin", new Dictionary<string, string> { ["Password"] = password }, "/signin");

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, IDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using (request)
        {
            return await _http.SendAsync(request);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
