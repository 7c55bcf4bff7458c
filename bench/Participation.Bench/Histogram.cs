namespace Participation.Bench;

/// <summary>
/// A log-linear latency histogram in microseconds (HDR-like: 64 sub-buckets per power of two, so any recorded
/// value is known within 1.6 %), safe to record into from many threads at once, up to about 70 s.
/// </summary>
public sealed class Histogram
{
    private const int SubBits = 7;
    private const int Sub = 1 << SubBits; // values below this are exact
    private const int Half = Sub / 2; // buckets per power of two above it
    private readonly long[] _counts = new long[Sub + Half * 30];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    public void Record(long micros)
    {
        if (micros < 0)
            micros = 0;
        Interlocked.Increment(ref _counts[Math.Min(Index(micros), _counts.Length - 1)]);
        Interlocked.Increment(ref _total);
        long max;
        while (micros > (max = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, max) != max) { }
    }

    private static int Index(long v)
    {
        if (v < Sub)
            return (int)v;
        var shift = 64 - (int)long.LeadingZeroCount(v) - SubBits; // >= 1
        return Sub + (shift - 1) * Half + (int)(v >> shift) - Half;
    }

    /// <summary>The highest value that lands in bucket <paramref name="index"/>.</summary>
    private static long Upper(int index)
    {
        if (index < Sub)
            return index;
        var shift = (index - Sub) / Half + 1;
        var mantissa = (index - Sub) % Half + Half;
        return ((long)(mantissa + 1) << shift) - 1;
    }

    /// <summary>The value at percentile <paramref name="p"/> (0-100), in microseconds (bucket's upper edge; the maximum for 100).</summary>
    public long Percentile(double p)
    {
        var total = Count;
        if (total == 0)
            return 0;
        if (p >= 100)
            return Interlocked.Read(ref _max);
        var rank = (long)Math.Ceiling(total * p / 100.0);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(Upper(i), Interlocked.Read(ref _max));
        }
        return Interlocked.Read(ref _max);
    }
}
