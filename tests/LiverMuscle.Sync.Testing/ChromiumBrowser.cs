using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LiverMuscle.Sync.Testing;

/// <summary>
/// Debian's headless Chromium driven through its ChromeDriver (<c>/usr/bin/chromium</c>, <c>/usr/bin/chromedriver</c>),
/// each instance with a fresh profile, so two instances are two unrelated browsers (cookies included). Every wait is bounded.
/// </summary>
public sealed class ChromiumBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("livermuscle-chromium-");
    private readonly ChromeDriver _driver;

    public ChromiumBrowser()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            throw new InvalidOperationException($"Chromium and ChromeDriver are needed at {ChromiumPath} and {ChromeDriverPath}: apt-get install chromium chromium-driver (./run test installs them).");
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", "--window-size=1280,1000", $"--user-data-dir={_profile.FullName}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        _driver.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
    }

    public IWebDriver Driver => _driver;

    public string Url => _driver.Url;

    public string PageSource => _driver.PageSource;

    public void Open(Uri url) => _driver.Navigate().GoToUrl(url);

    public IWebElement Find(By by) => _driver.FindElement(by);

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds, else fails naming <paramref name="what"/>.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what, TimeSpan? timeout = null)
    {
        var wait = new WebDriverWait(_driver, timeout ?? DefaultWait) { Message = "Waited for " + what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(driver => condition(driver))!;
    }

    /// <summary>Reloads the page until <paramref name="condition"/> holds (the console has no script to refresh itself).</summary>
    public void ReloadUntil(Func<IWebDriver, bool> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(_driver))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; the page shows:\n{_driver.FindElement(By.TagName("main")).Text}");
            }

            Thread.Sleep(500);
            _driver.Navigate().Refresh();
        }
    }

    /// <summary>A PNG of the whole page, beyond the window's height.</summary>
    public void SaveScreenshot(string path)
    {
        var shot = _driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?> { ["format"] = "png", ["captureBeyondViewport"] = true });
        var data = shot is IDictionary<string, object?> result ? (string)result["data"]! : throw new InvalidOperationException("Chromium returned no screenshot.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Convert.FromBase64String(data));
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleaned up later.
        }
    }
}
