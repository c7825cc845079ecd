using System.Globalization;

namespace LiverMuscle.Sync.Benchmarks;

/// <summary>
/// A process's resident memory from <c>/proc/PID/status</c> (kB): in total, its peak, and split into anonymous pages
/// (the GC heap, native allocations, JIT code and type data, stacks) and pages of mapped files (the runtime's and the
/// application's assemblies and native libraries).
/// </summary>
internal sealed record ProcessMemory(long RssKb, long PeakKb, long AnonymousKb, long FileKb, long SharedMemoryKb)
{
    public static ProcessMemory Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        long Field(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessMemory(Field("VmRSS:"), Field("VmHWM:"), Field("RssAnon:"), Field("RssFile:"), Field("RssShmem:"));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"RSS {Mb(RssKb),6:F1} MB (anonymous {Mb(AnonymousKb),5:F1}, files {Mb(FileKb),5:F1}, shared {Mb(SharedMemoryKb),4:F1})  peak {Mb(PeakKb),6:F1} MB");

    private static double Mb(long kb) => kb / 1024.0;
}
