using System.IO.Compression;

namespace LiverMuscle.Sync.Sinks.InfluxDb.Writing;

internal static class Gzip
{
    public static byte[] Compress(byte[] payload)
    {
        using var output = new MemoryStream(payload.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }
}
