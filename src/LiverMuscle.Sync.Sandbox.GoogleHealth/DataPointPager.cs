using System.Text.Json.Nodes;

namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

/// <summary>
/// One page of a list: newest first (time, then name, descending), keyset positions so deletions between pages skip
/// nothing; optionally a final literal <c>{}</c> page and, deterministically, empty pages that still carry a token.
/// </summary>
internal static class DataPointPager
{
    public static JsonObject Page(GoogleHealthSandbox sandbox, SandboxUser user, DataTypeInfo type, DataPointFilter filter, string query, PagePosition position, int pageSize)
    {
        var options = sandbox.Options;
        if (position.AtEnd)
        {
            return [];
        }

        List<StoredPoint> remaining;
        lock (user)
        {
            remaining = [.. user.Points
                .Where(p => p.DataType == type.Id && !p.Deleted && filter.Matches(p))
                .Where(p => position.Time is not { } t || p.Time < t || (p.Time == t && string.CompareOrdinal(p.Name, position.Name) < 0))
                .OrderByDescending(p => p.Time)
                .ThenByDescending(p => p.Name, StringComparer.Ordinal)];
        }

        var body = new JsonObject();
        if (remaining.Count == 0)
        {
            return body;
        }

        if (options.EmptyPageWithToken && !position.EmptyServed && PageTokens.Hash(query + "\n" + position.Name) % 5 == 1)
        {
            body["nextPageToken"] = sandbox.Tokens.Issue(query, position with { EmptyServed = true });
            return body;
        }

        var page = remaining.Take(pageSize).ToList();
        body["dataPoints"] = new JsonArray([.. page.Select(p => (JsonNode)p.Json())]);
        var last = page[^1];
        if (remaining.Count > page.Count)
        {
            body["nextPageToken"] = sandbox.Tokens.Issue(query, new PagePosition(last.Time, last.Name, AtEnd: false, EmptyServed: false));
        }
        else if (options.FinalPageEmptyObject)
        {
            body["nextPageToken"] = sandbox.Tokens.Issue(query, new PagePosition(last.Time, last.Name, AtEnd: true, EmptyServed: false));
        }

        return body;
    }
}
