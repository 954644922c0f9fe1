using System.Diagnostics;
using System.Globalization;
using Moa.Documents.Csv;
using Moa.Text.Encodings;
using nietras.SeparatedValues;

namespace Moa.Bench.Documents;

/// <summary>
/// Moa's CSV records (<see cref="CsvRecords"/>: Sep 0.18 plus what <see cref="CsvReader"/> needs on top, i.e. the
/// buffered head for sniffing, start lines, unclosed-quote check and CRLF folding) against raw Sep on the same files, in
/// one process, alternating rounds: (a) parse only, from the decoded text in memory; (b) decode + parse, from the file's bytes in memory through
/// the encoding <see cref="TextEncodingDetector"/> finds (CP949/EUC-KR for data.go.kr exports). Both materialise every cell
/// as a string (what the reader needs) and must give the same records, which is checked before timing.
/// </summary>
internal static class CsvParseComparison
{
    public static int Run(int rounds, IReadOnlyList<string> paths)
    {
        Console.WriteLine("file\tencoding\tMB\trecords\tmoa parse MB/s\tsep parse MB/s\tsep/moa\tmoa decode+parse MB/s\tsep decode+parse MB/s\tsep/moa");
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            var detected = TextEncodingDetector.Detect(bytes);
            var text = detected.Encoding.GetString(bytes, detected.PreambleLength, bytes.Length - detected.PreambleLength);
            var delimiter = CsvReader.SniffDelimiter(text.AsSpan(0, Math.Min(text.Length, 1 << 16)), tsv: false);
            var ours = ParseMoa(new StringReader(text), delimiter, keep: true);
            var sep = ParseSep(new StringReader(text), delimiter, keep: true);
            var same = ours.Records.Count == sep.Records.Count
                && ours.Records.Zip(sep.Records).All(p => p.First.SequenceEqual(p.Second));
            if (!same)
            {
                var first = ours.Records.Zip(sep.Records).Select((p, i) => (p, i)).FirstOrDefault(x => !x.p.First.SequenceEqual(x.p.Second));
                Console.Error.WriteLine($"{Path.GetFileName(path)}: records differ (moa {ours.Records.Count}, sep {sep.Records.Count}); first difference at record {first.i}.");
            }

            // Each round parses the file enough times to take ~50 ms; a round's four timings alternate, and the medians over
            // rounds are reported, so a burst of load from other processes hits one round, not one parser.
            var mb = bytes.Length / 1e6;
            var repeat = Math.Max(1, (int)(20 / Math.Max(mb, 0.01)));
            var times = new double[4][];
            for (var k = 0; k < 4; k++)
            {
                times[k] = new double[rounds];
            }

            for (var r = -2; r < rounds; r++)
            {
                var t0 = Time(repeat, () => ParseMoa(new StringReader(text), delimiter, keep: false));
                var t1 = Time(repeat, () => ParseSep(new StringReader(text), delimiter, keep: false));
                var t2 = Time(repeat, () => ParseMoa(Decoder(bytes, detected), delimiter, keep: false));
                var t3 = Time(repeat, () => ParseSep(Decoder(bytes, detected), delimiter, keep: false));
                if (r >= 0)
                {
                    (times[0][r], times[1][r], times[2][r], times[3][r]) = (t0, t1, t2, t3);
                }
            }

            var median = times.Select(t => t.Order().ElementAt(rounds / 2)).ToArray();
            Console.WriteLine(string.Join('\t',
                Path.GetFileName(path), detected.Name, mb.ToString("F2", CultureInfo.InvariantCulture), ours.Records.Count.ToString(CultureInfo.InvariantCulture) + (same ? "" : " (differ)"),
                F(mb * repeat / median[0]), F(mb * repeat / median[1]), F(median[0] / median[1]),
                F(mb * repeat / median[2]), F(mb * repeat / median[3]), F(median[2] / median[3])));
        }

        return 0;
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static StreamReader Decoder(byte[] bytes, DetectedEncoding detected) =>
        new(new MemoryStream(bytes, detected.PreambleLength, bytes.Length - detected.PreambleLength), detected.Encoding, false, 1 << 16);

    private static double Time(int repeat, Func<Result> parse)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            GC.KeepAlive(parse());
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static Result ParseMoa(TextReader reader, char delimiter, bool keep)
    {
        var result = new Result();
        using var parser = new CsvRecords(reader) { Delimiter = delimiter };
        var cells = new List<string>();
        while (parser.ReadRecord(cells, out var line))
        {
            result.Add(cells, line, keep);
        }

        return result;
    }

    private static Result ParseSep(TextReader reader, char delimiter, bool keep)
    {
        var result = new Result();
        using var sep = Sep.New(delimiter).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(reader);
        var cells = new List<string>();
        foreach (var row in sep)
        {
            cells.Clear();
            for (var i = 0; i < row.ColCount; i++)
            {
                cells.Add(row[i].ToString());
            }

            result.Add(cells, row.LineNumberFrom, keep);
        }

        return result;
    }

    private sealed class Result
    {
        public List<string[]> Records { get; } = [];

        public long Cells { get; private set; }

        public long LineSum { get; private set; }

        public void Add(List<string> cells, long line, bool keep)
        {
            Cells += cells.Count;
            LineSum += line;
            if (keep)
            {
                Records.Add([.. cells]);
            }
        }
    }
}
