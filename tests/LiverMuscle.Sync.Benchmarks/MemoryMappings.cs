using System.Globalization;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// The resident memory of a process by mapping, from <c>/proc/PID/smaps</c>: summed per mapped file (assemblies and
/// native libraries), and for anonymous memory per kind (<c>[heap]</c>, <c>[stack]</c>, unnamed mappings, the JIT's
/// double-mapped code).
/// </summary>
internal static class MemoryMappings
{
    public static IReadOnlyList<(string Mapping, long RssKb)> Largest(int pid, int count)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length > 5 ? string.Join(' ', fields[5..]) : "(anonymous)";
            }
            else if (fields is ["Rss:", var kb, "kB"])
            {
                totals[current] = totals.GetValueOrDefault(current) + long.Parse(kb, CultureInfo.InvariantCulture);
            }
        }

        return [.. totals.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, t.Value))];
    }
}
