using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>Reads a notification's body, never more than a push endpoint accepts: a larger one is refused (413) unread.</summary>
public static class PushRequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var body = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? null : body[..length];
    }

    public static IResult TooLarge(int maxBytes) =>
        Results.Text($"a notification is at most {maxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
}
