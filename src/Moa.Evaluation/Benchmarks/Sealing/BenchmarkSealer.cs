using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moa.Evaluation.Benchmarks.Splitting;

namespace Moa.Evaluation.Benchmarks.Sealing;

/// <summary>
/// Seals the held-out part of a split benchmark with AES-256-GCM so it is never stored in plaintext: <c>items.jsonl</c> keeps
/// only the public items and <c>sealed.bin</c> holds the held-out lines with their positions. Unsealing restores the original
/// <c>items.jsonl</c> byte for byte (checked against the hash recorded at split time).
/// </summary>
public static class BenchmarkSealer
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string PayloadTag = "moa-sealed/1";
    private static readonly byte[] s_magic = "MOASEAL1"u8.ToArray();

    /// <summary>Seals <paramref name="dir"/> in place, or writes a sealed copy to <paramref name="outputDir"/> when given.</summary>
    /// <returns>Number of held-out items sealed.</returns>
    /// <exception cref="MoaException">No split, items changed since the split, already sealed, or a bad key file.</exception>
    public static int Seal(string dir, string keyFile, string? outputDir = null)
    {
        var key = SealKey.Read(keyFile);
        var benchmark = BenchmarkDataset.Load(dir);
        if (benchmark.IsSealed)
        {
            throw new MoaException($"{Path.Combine(dir, BenchmarkFiles.Sealed)} exists: the benchmark is already sealed.");
        }

        var split = benchmark.Split ?? throw new MoaException($"{dir}: no {BenchmarkFiles.Split}; run 'moa bench split {dir} --holdout 0.1 --seed N' before sealing.");
        var itemsPath = Path.Combine(dir, BenchmarkFiles.Items);
        var raw = File.ReadAllBytes(itemsPath);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(raw)), split.ItemsSha256, StringComparison.Ordinal))
        {
            throw new MoaException($"{itemsPath} changed after the split (its SHA-256 differs from {BenchmarkFiles.Split}); run 'moa bench split {dir} --force' again before sealing.");
        }

        var publicLines = new ArrayBufferWriter<byte>(raw.Length);
        var payload = new ArrayBufferWriter<byte>(raw.Length / 8);
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["format"] = PayloadTag, ["items_sha256"] = split.ItemsSha256, ["benchmark"] = benchmark.Card.Name });
        payload.Write(Encoding.UTF8.GetBytes(header + "\n"));
        var position = 0;
        var sealedCount = 0;
        foreach (var (lineNumber, line) in BenchmarkItemJson.ReadLines(raw))
        {
            var item = BenchmarkItemJson.ParseLine(line.Span, itemsPath, lineNumber);
            if (split.HoldoutIds.Contains(item.Id))
            {
                payload.Write(Encoding.UTF8.GetBytes(position.ToString(CultureInfo.InvariantCulture) + "\t"));
                payload.Write(line.Span);
                payload.Write("\n"u8);
                sealedCount++;
            }
            else
            {
                publicLines.Write(line.Span);
                publicLines.Write("\n"u8);
            }

            position++;
        }

        var sealedBytes = Encrypt(key, payload.WrittenSpan, publicLines.WrittenSpan);
        CryptographicOperations.ZeroMemory(key);

        var target = outputDir ?? dir;
        Directory.CreateDirectory(target);
        if (!SamePath(target, dir))
        {
            File.Copy(Path.Combine(dir, BenchmarkFiles.Card), Path.Combine(target, BenchmarkFiles.Card), overwrite: true);
            File.Copy(Path.Combine(dir, BenchmarkFiles.Split), Path.Combine(target, BenchmarkFiles.Split), overwrite: true);
        }

        ReplaceFile(Path.Combine(target, BenchmarkFiles.Sealed), sealedBytes);
        ReplaceFile(Path.Combine(target, BenchmarkFiles.Items), publicLines.WrittenSpan);
        return sealedCount;
    }

    /// <summary>Decrypts a sealed benchmark into <paramref name="outputDir"/> (card, split and the full <c>items.jsonl</c>).</summary>
    /// <exception cref="MoaException">Not sealed, wrong key, altered files, or output equal to the sealed folder.</exception>
    public static int Unseal(string dir, string keyFile, string outputDir)
    {
        if (SamePath(dir, outputDir))
        {
            throw new MoaException($"--output must be another folder than {dir}; the sealed copy stays as it is.");
        }

        var (full, count) = Decrypt(dir, keyFile);
        Directory.CreateDirectory(outputDir);
        File.Copy(Path.Combine(dir, BenchmarkFiles.Card), Path.Combine(outputDir, BenchmarkFiles.Card), overwrite: true);
        File.Copy(Path.Combine(dir, BenchmarkFiles.Split), Path.Combine(outputDir, BenchmarkFiles.Split), overwrite: true);
        File.WriteAllBytes(Path.Combine(outputDir, BenchmarkFiles.Items), full);
        File.Delete(Path.Combine(outputDir, BenchmarkFiles.Sealed));
        return count;
    }

    /// <summary>Loads a sealed benchmark with all items in memory (public and held-out), writing no plaintext to disk.</summary>
    public static LoadedBenchmark Open(string dir, string keyFile)
    {
        var (full, _) = Decrypt(dir, keyFile);
        var cardPath = Path.Combine(dir, BenchmarkFiles.Card);
        var card = BenchmarkCardYaml.ReadFile(cardPath);
        var items = new List<BenchmarkItem>();
        foreach (var (lineNumber, line) in BenchmarkItemJson.ReadLines(full))
        {
            items.Add(BenchmarkItemJson.ParseLine(line.Span, Path.Combine(dir, BenchmarkFiles.Sealed), lineNumber));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(full);
        hash.AppendData(File.ReadAllBytes(cardPath));
        return new LoadedBenchmark(card, items, dir, Convert.ToHexStringLower(hash.GetHashAndReset()))
        {
            Split = SplitManifest.TryRead(Path.Combine(dir, BenchmarkFiles.Split)),
        };
    }

    private static (byte[] Full, int HoldoutCount) Decrypt(string dir, string keyFile)
    {
        var sealedPath = Path.Combine(dir, BenchmarkFiles.Sealed);
        if (!File.Exists(sealedPath))
        {
            throw new MoaException($"{sealedPath}: not found; {dir} is not a sealed benchmark.");
        }

        var key = SealKey.Read(keyFile);
        var publicBytes = File.ReadAllBytes(Path.Combine(dir, BenchmarkFiles.Items));
        var blob = File.ReadAllBytes(sealedPath);
        if (blob.Length < s_magic.Length + NonceSize + TagSize || !blob.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            throw new MoaException($"{sealedPath}: not a Moa sealed file (bad header).");
        }

        var nonce = blob.AsSpan(s_magic.Length, NonceSize);
        var tag = blob.AsSpan(s_magic.Length + NonceSize, TagSize);
        var cipher = blob.AsSpan(s_magic.Length + NonceSize + TagSize);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, cipher, tag, plain, Aad(publicBytes));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new MoaException($"{sealedPath}: cannot be opened with the key in {keyFile}: wrong key, or {BenchmarkFiles.Items} or {BenchmarkFiles.Sealed} was altered after sealing.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return Merge(plain, publicBytes, sealedPath);
    }

    private static (byte[] Full, int HoldoutCount) Merge(byte[] plain, byte[] publicBytes, string sealedPath)
    {
        var lines = BenchmarkItemJson.ReadLines(plain).ToList();
        using var header = JsonDocument.Parse(lines[0].Line);
        var expectedHash = header.RootElement.GetProperty("items_sha256").GetString();
        var held = new SortedDictionary<int, ReadOnlyMemory<byte>>();
        foreach (var (_, line) in lines.Skip(1))
        {
            var tab = line.Span.IndexOf((byte)'\t');
            held[int.Parse(Encoding.UTF8.GetString(line.Span[..tab]), CultureInfo.InvariantCulture)] = line[(tab + 1)..];
        }

        var output = new ArrayBufferWriter<byte>(publicBytes.Length + plain.Length);
        using var publicLines = BenchmarkItemJson.ReadLines(publicBytes).GetEnumerator();
        var position = 0;
        var remaining = held.Count;
        while (true)
        {
            if (held.TryGetValue(position, out var heldLine))
            {
                output.Write(heldLine.Span);
                remaining--;
            }
            else if (publicLines.MoveNext())
            {
                output.Write(publicLines.Current.Line.Span);
            }
            else
            {
                break;
            }

            output.Write("\n"u8);
            position++;
        }

        var full = output.WrittenSpan.ToArray();
        if (remaining != 0 || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(full)), expectedHash, StringComparison.Ordinal))
        {
            throw new MoaException($"{sealedPath}: the restored items do not match the hash recorded at sealing; the public {BenchmarkFiles.Items} was changed.");
        }

        return (full, held.Count);
    }

    private static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> publicBytes)
    {
        var blob = new byte[s_magic.Length + NonceSize + TagSize + plain.Length];
        s_magic.CopyTo(blob, 0);
        var nonce = blob.AsSpan(s_magic.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(s_magic.Length + NonceSize + TagSize), blob.AsSpan(s_magic.Length + NonceSize, TagSize), Aad(publicBytes));
        return blob;
    }

    // The public items are bound to the sealed part: a sealed file cannot be paired with other public items.
    private static byte[] Aad(ReadOnlySpan<byte> publicBytes) => [.. s_magic, .. SHA256.HashData(publicBytes)];

    private static void ReplaceFile(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
