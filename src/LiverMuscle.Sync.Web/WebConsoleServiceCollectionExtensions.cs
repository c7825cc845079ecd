using System.Threading.RateLimiting;
using LiverMuscle.Sync.Infrastructure.Configuration;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Web;

public static class WebConsoleServiceCollectionExtensions
{
    /// <summary>The name of the rate-limiting policy of the sign-in form (per client address).</summary>
    internal const string SignInRateLimit = "console-sign-in";

    /// <summary>
    /// The web console (section <c>Console</c>): Razor Pages, cookie sessions (HttpOnly, SameSite=Lax, Secure behind
    /// HTTPS) or a trusted proxy's user header, antiforgery on every form, throttled sign-in, and data-protection
    /// keys in the state store. Needs the state store, the providers, the sync pipeline, markers, adherence, alerts and
    /// <c>AddPeople</c>, the manual entries (<c>AddManualEntries</c>, <c>AddFitbitExportRunner</c>).
    /// </summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Console");
        services.AddOptions<ConsoleOptions>().BindStrictly(section).ValidateSection(section, new ConsoleOptionsValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OperatorPassword>();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<InviteService>();
        services.TryAddSingleton<TrustedProxies>();
        services.TryAddSingleton<ConnectLinks>();
        services.TryAddSingleton<ConsoleUrls>();
        services.TryAddSingleton<GrafanaLinks>();
        services.TryAddSingleton<MarkerEntry>();
        services.TryAddSingleton<ManualEntryForms>();
        services.TryAddSingleton<PersonOverviewReader>();
        services.TryAddSingleton<PersonPageServices>();
        services.TryAddSingleton<BackgroundSyncs>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundSyncs>());

        services.AddDataProtection().SetApplicationName("livermuscle-sync-console");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            keys.XmlRepository = new StateStoreXmlRepository(provider.GetRequiredService<IKeyValueStore>());
            // The state store encrypts the value the keys are kept in.
            keys.XmlEncryptor = new NullXmlEncryptor();
        }));

        AddAuthentication(services);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "livermuscle.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOptions<FormOptions>().Configure<IOptions<ConsoleOptions>>((form, console) =>
            form.MultipartBodyLengthLimit = Math.Max(console.Value.MaxUploadBytes, console.Value.MaxExportUploadBytes) + UploadSizeCap.FormOverheadBytes);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptionsMonitor<ConsoleOptions>>().CurrentValue.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/", ConsoleClaims.SessionPolicy);
                pages.Conventions.AllowAnonymousToPage("/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Invite");
            })
            .AddApplicationPart(typeof(WebConsoleServiceCollectionExtensions).Assembly);
        return services;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(ConsoleSchemes.Selector)
            .AddPolicyScheme(ConsoleSchemes.Selector, "Console session", selector => selector.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<TrustedProxies>().Carries(context.Request) ? ConsoleSchemes.Proxy : ConsoleSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, TrustedProxyAuthenticationHandler>(ConsoleSchemes.Proxy, null)
            .AddCookie(ConsoleSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "livermuscle.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/signin";
                cookie.LogoutPath = "/signout";
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(provider => new PostConfigureOptions<CookieAuthenticationOptions>(ConsoleSchemes.Cookie, cookie =>
        {
            cookie.ExpireTimeSpan = provider.GetRequiredService<IOptionsMonitor<ConsoleOptions>>().CurrentValue.SessionLifetime;
            cookie.TimeProvider = provider.GetRequiredService<TimeProvider>();
        }));
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleClaims.SessionPolicy, policy => policy.AddAuthenticationSchemes(ConsoleSchemes.Selector).RequireAuthenticatedUser())
            .AddPolicy(ConsoleClaims.OperatorPolicy, policy => policy.AddAuthenticationSchemes(ConsoleSchemes.Selector).RequireRole(ConsoleClaims.OperatorRole))
            .AddPolicy(ConsoleClaims.PersonPolicy, policy => policy.AddAuthenticationSchemes(ConsoleSchemes.Selector).RequireClaim(ConsoleClaims.PersonClaim));
    }
}
