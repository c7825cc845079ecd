using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>The check every upload form makes before reading a file: one was chosen, and it is within <c>Console:MaxUploadBytes</c>.</summary>
internal static class UploadLimit
{
    /// <summary>Null when <paramref name="file"/> can be read; else the line saying what to do (<paramref name="what"/> names the expected file).</summary>
    public static string? Problem(IFormFile? file, long limit, string what, string key = "Console:MaxUploadBytes") =>
        file is null || file.Length == 0 ? $"choose {what} to upload"
        : file.Length > limit ? TooLarge(file.Length, limit, key)
        : null;

    public static string TooLarge(long length, long limit, string key = "Console:MaxUploadBytes") =>
        string.Create(CultureInfo.InvariantCulture, $"the file has {length} bytes, more than the {limit} accepted ({key}); nothing was stored");
}
