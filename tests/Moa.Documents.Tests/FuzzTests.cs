using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Moa.Documents.Cfb;
using Moa.Documents.Hwp;
using Moa.Documents.Hwpx;
using Moa.Documents.Office;
using Moa.Documents.Packaging;

namespace Moa.Documents.Tests;

/// <summary>
/// Mutates the real provider files (truncation, byte flips, lying size fields) and checks that every reader
/// ends in time, never throws, and yields documents or at least one issue for each mutant.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan s_perFile = TimeSpan.FromSeconds(60); // a hang, not a slow machine

    public static TheoryData<string> Files => new()
    {
        "hwp/msit_press_release_noori.hwp",
        "hwp/basicsReport.hwp",
        "hwp/nts_rulings/010000000000008132.hwp",
        "hwp/nts_rulings/010000000000424960.hwp",
        "hwp/nts_rulings/drm_010000000000141568.hwp",
        "hwpx/gangbuk_rfp.hwpx",
        "hwpx/gangnam_notice.hwpx",
        "hwpx/mcst_press_release.hwpx",
        "hwpx/public_data_standard.hwpx",
        "hwpx/ulsan_notice_no_manifest.hwpx",
        "hwpx/empty_text.hwpx",
        "xlsx/Koweps_Codebook_2019.xlsx",
        "xlsx/신분당선_역위치.xlsx",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Read_MutatedFile_EndsWithDocumentsOrIssues(string relative)
    {
        var source = TestPaths.Data(["providers", .. relative.Split('/')]);
        var extension = Path.GetExtension(source);
        IDocumentReader reader = extension switch
        {
            ".hwp" => new HwpReader(),
            ".hwpx" => new HwpxReader(),
            _ => new XlsxReader(),
        };
        var original = File.ReadAllBytes(source);
        var dir = TestPaths.NewTempDir();
        var mutants = 0;

        foreach (var (name, bytes) in Mutants(original, extension, StableSeed(relative)))
        {
            var path = Path.Combine(dir, $"{mutants++}{extension}");
            await File.WriteAllBytesAsync(path, bytes);

            var read = Task.Run(() => BinaryReaderTestKit.ReadAll(reader, path));
            var (documents, issues) = await read.WaitAsync(s_perFile).ConfigureAwait(true);

            (documents.Count + issues.Count).ShouldBeGreaterThan(0, $"{relative} {name}: neither documents nor issues");
            issues.ShouldAllBe(i => i.File == path && i.Code.Length > 0 && i.Message.Length > 0, $"{relative} {name}");
            if (documents.Count == 0)
            {
                issues.Count.ShouldBeLessThanOrEqualTo(3, $"{relative} {name}: one clear error per bad file");
            }
        }

        mutants.ShouldBeGreaterThan(25);
    }

    /// <summary>A seed that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static int StableSeed(string name) => (int)Moa.Text.Hashing.TextHash.XxHash64(name.AsSpan(), 20261121);

    [Fact]
    public void AppendSection_MutatedRecords_EndsOrThrowsFormatError()
    {
        var cfb = CompoundFile.Open(File.ReadAllBytes(TestPaths.Data("providers", "hwp", "basicsReport.hwp")));
        using var inflater = new DeflateStream(new MemoryStream(cfb.ReadStream("BodyText/Section0")), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        var records = inflated.ToArray();
        var random = new Random(20261121);
        var outcomes = new int[2];

        for (var i = 0; i < 300; i++)
        {
            var mutant = (byte[])records.Clone();
            for (var k = 0; k < 1 + (i % 8); k++)
            {
                var at = random.Next(mutant.Length - 4) & ~3;
                if (i % 2 == 0)
                {
                    mutant[at] ^= (byte)(1 << random.Next(8));
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(mutant.AsSpan(at), random.Next(4) switch
                    {
                        0 => 0xFFFFFFFF,
                        1 => 0xFFF00000 | (uint)random.Next(1024),
                        2 => 0x7FFFFFFF,
                        _ => (uint)random.Next(),
                    });
                }
            }

            try
            {
                HwpExtractor.AppendSection(mutant, new StringBuilder(), "BodyText/Section0", CancellationToken.None);
                outcomes[0]++;
            }
            catch (DocumentFormatException e)
            {
                e.Code.ShouldBe("corrupt-container");
                outcomes[1]++;
            }
        }

        outcomes[0].ShouldBeGreaterThan(0);
        outcomes[1].ShouldBeGreaterThan(0);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Mutants(byte[] original, string extension, int seed)
    {
        var random = new Random(seed);
        var length = original.Length;

        foreach (var cut in new[] { 0, 1, 8, 511, 529, length / 4, length / 2, (length * 3) / 4, length - 1 })
        {
            yield return ($"truncated at {cut}", original[..Math.Clamp(cut, 0, length)]);
        }

        for (var i = 0; i < 12; i++)
        {
            var mutant = (byte[])original.Clone();
            var flips = 1 + random.Next(16);
            for (var k = 0; k < flips; k++)
            {
                mutant[random.Next(length)] ^= (byte)(1 << random.Next(8));
            }

            yield return ($"{flips} bits flipped (round {i})", mutant);
        }

        uint[] lies = [0xFFFFFFFF, 0x7FFFFFFF, 0x00100000, 0xFFFFFF00];
        foreach (var offset in SizeFieldOffsets(original, extension).Take(16))
        {
            var mutant = (byte[])original.Clone();
            var lie = lies[random.Next(lies.Length)];
            BinaryPrimitives.WriteUInt32LittleEndian(mutant.AsSpan(offset), lie);
            yield return ($"size field at {offset} set to {lie:X8}", mutant);
        }

        if (extension != ".hwp")
        {
            // Compression methods the archive reader does not support (AES, LZMA, a made-up one).
            foreach (var method in new ushort[] { 99, 14, 77 })
            {
                var mutant = (byte[])original.Clone();
                for (var at = mutant.AsSpan().IndexOf("PK\x01\x02"u8); at >= 0 && at + 12 < mutant.Length;)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(mutant.AsSpan(at + 10), method);
                    var next = mutant.AsSpan(at + 4).IndexOf("PK\x01\x02"u8);
                    at = next < 0 ? -1 : at + 4 + next;
                }

                yield return ($"compression method {method}", mutant);
            }
        }

        for (var i = 0; i < 6; i++)
        {
            var mutant = (byte[])original.Clone();
            var at = random.Next(length - 4) & ~3;
            BinaryPrimitives.WriteUInt32LittleEndian(mutant.AsSpan(at), lies[i % lies.Length]);
            yield return ($"word at {at} set to {lies[i % lies.Length]:X8}", mutant);
        }
    }

    /// <summary>Offsets of fields that state sizes, counts or sector numbers: CFB header and directory, zip headers.</summary>
    private static IEnumerable<int> SizeFieldOffsets(byte[] bytes, string extension)
    {
        if (extension == ".hwp")
        {
            if (!CompoundFile.HasSignature(bytes))
            {
                yield return 0x20;
                yield break;
            }

            foreach (var field in new[] { 0x2C, 0x30, 0x3C, 0x40, 0x44, 0x48, 0x4C })
            {
                yield return field;
            }

            var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
            var start = (directory + 1) * 512;
            for (var entry = 0; entry < 4 && start + (entry * 128) + 0x7C <= bytes.Length; entry++)
            {
                yield return start + (entry * 128) + 0x74;
                yield return start + (entry * 128) + 0x78;
                yield return start + (entry * 128) + 0x4C;
            }

            yield break;
        }

        var local = 0;
        while ((local = bytes.AsSpan(local).IndexOf("PK\x03\x04"u8) is var i and >= 0 ? local + i : -1) >= 0)
        {
            yield return local + 18;
            yield return local + 22;
            local += 4;
        }

        var central = 0;
        while ((central = bytes.AsSpan(central).IndexOf("PK\x01\x02"u8) is var i and >= 0 ? central + i : -1) >= 0)
        {
            yield return central + 20;
            yield return central + 24;
            yield return central + 42;
            central += 4;
        }
    }
}
