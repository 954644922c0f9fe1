using System.Text;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Sealing;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Evaluation.Benchmarks.Validation;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Benchmarks;

public class SealerTests
{
    private static (string Dir, string Key, byte[] Original, SplitManifest Split) SplitBenchmark([System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var items = Enumerable.Range(0, 200).Select(i => Item($"i{i:D3}", $"s{i % 2}", Reviews[i], [Reviews[400 + i], Reviews[700 + i]], i % 2)).ToList();
        var dir = Write(Card("sealme", "s0", "s1"), items, name);
        var split = BenchmarkSplitter.Run(dir, new SplitOptions(0.1, 9) { Profile = ValidationProfile.None }).Manifest;
        var key = Path.Combine(TestPaths.NewTempDir(name + "-key"), "bench.key");
        SealKey.Generate(key);
        return (dir, key, File.ReadAllBytes(Path.Combine(dir, "items.jsonl")), split);
    }

    [Fact]
    public void Seal_InPlace_LeavesNoHeldOutTextInPlaintext()
    {
        var (dir, key, original, split) = SplitBenchmark();
        var held = BenchmarkDataset.Load(dir).HoldoutItems;

        BenchmarkSealer.Seal(dir, key).ShouldBe(20);

        var sealedDir = BenchmarkDataset.Load(dir);
        sealedDir.IsSealed.ShouldBeTrue();
        sealedDir.Items.Count.ShouldBe(180);
        sealedDir.Items.ShouldAllBe(i => !split.HoldoutIds.Contains(i.Id));
        foreach (var file in Directory.GetFiles(dir))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            held.ShouldAllBe(h => !text.Contains(h.Question), file);
        }

        original.Length.ShouldBeGreaterThan(File.ReadAllBytes(Path.Combine(dir, "items.jsonl")).Length);
    }

    [Fact]
    public void Unseal_RestoresTheOriginalItemsByteForByte()
    {
        var (dir, key, original, _) = SplitBenchmark();
        BenchmarkSealer.Seal(dir, key);
        var output = TestPaths.NewTempDir();

        BenchmarkSealer.Unseal(dir, key, output).ShouldBe(20);

        File.ReadAllBytes(Path.Combine(output, "items.jsonl")).ShouldBe(original);
        File.Exists(Path.Combine(output, "sealed.bin")).ShouldBeFalse();
        BenchmarkDataset.Load(output).HoldoutItems.Count.ShouldBe(20);
    }

    [Fact]
    public void Open_LoadsAllItemsInMemory_WithTheOriginalContentHash()
    {
        var (dir, key, _, _) = SplitBenchmark();
        var hashBefore = BenchmarkDataset.Load(dir).ContentHash;
        BenchmarkSealer.Seal(dir, key);

        var opened = BenchmarkSealer.Open(dir, key);

        opened.Items.Count.ShouldBe(200);
        opened.ContentHash.ShouldBe(hashBefore);
        opened.HoldoutItems.Count.ShouldBe(20);
    }

    [Fact]
    public void Seal_ToOutputFolder_KeepsTheSourceAndWritesASealedCopy()
    {
        var (dir, key, original, _) = SplitBenchmark();
        var output = TestPaths.NewTempDir();

        BenchmarkSealer.Seal(dir, key, output);

        File.ReadAllBytes(Path.Combine(dir, "items.jsonl")).ShouldBe(original);
        BenchmarkDataset.Load(output).Items.Count.ShouldBe(180);
        BenchmarkSealer.Open(output, key).Items.Count.ShouldBe(200);
    }

    [Fact]
    public void WrongKey_CannotOpen()
    {
        var (dir, key, _, _) = SplitBenchmark();
        BenchmarkSealer.Seal(dir, key);
        var other = Path.Combine(TestPaths.NewTempDir(), "other.key");
        SealKey.Generate(other);

        var ex = Should.Throw<MoaException>(() => BenchmarkSealer.Unseal(dir, other, TestPaths.NewTempDir()));

        ex.Message.ShouldContain("cannot be opened with the key in");
        ex.Message.ShouldContain("wrong key");
    }

    [Fact]
    public void AlteredPublicItems_AreDetected()
    {
        var (dir, key, _, _) = SplitBenchmark();
        BenchmarkSealer.Seal(dir, key);
        var items = Path.Combine(dir, "items.jsonl");
        File.WriteAllText(items, File.ReadAllText(items).Replace("\"answer\":0", "\"answer\":1"));

        Should.Throw<MoaException>(() => BenchmarkSealer.Open(dir, key)).Message.ShouldContain("was altered after sealing");
    }

    [Fact]
    public void WorldReadableKey_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (dir, key, _, _) = SplitBenchmark();
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var ex = Should.Throw<MoaException>(() => BenchmarkSealer.Seal(dir, key));

        ex.Message.ShouldContain("can be read or written by every user (mode 644)");
        ex.Message.ShouldContain("chmod 600");
        File.Exists(Path.Combine(dir, "sealed.bin")).ShouldBeFalse();
    }

    [Fact]
    public void Keygen_WritesAnOwnerOnly32ByteKey_AndNeverOverwrites()
    {
        var key = Path.Combine(TestPaths.NewTempDir(), "k");
        SealKey.Generate(key);

        SealKey.Read(key).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(key).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Should.Throw<MoaException>(() => SealKey.Generate(key)).Message.ShouldContain("refusing to overwrite");
    }

    [Theory]
    [InlineData("not base64 at all!", "not a key file")]
    [InlineData("AAECAw==", "the key is 4 bytes; expected 32")]
    public void BadKeyFile_IsExplained(string content, string expected)
    {
        var key = Path.Combine(TestPaths.NewTempDir(), "k");
        File.WriteAllText(key, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Should.Throw<MoaException>(() => SealKey.Read(key)).Message.ShouldContain(expected);
        Should.Throw<MoaException>(() => SealKey.Read(key + ".missing")).Message.ShouldContain("key file not found");
    }

    [Fact]
    public void Seal_WithoutSplit_AfterChange_OrTwice_IsRefused()
    {
        var (dir, key, _, _) = SplitBenchmark();
        var unsplit = Write(Card("x", "s"), [Item("a", "s", "q", ["a", "b"], 0)]);
        Should.Throw<MoaException>(() => BenchmarkSealer.Seal(unsplit, key)).Message.ShouldContain("no split.json");

        File.AppendAllText(Path.Combine(dir, "items.jsonl"), "{\"id\":\"new\",\"subset\":\"s0\",\"question\":\"q\",\"choices\":[\"a\",\"b\"],\"answer\":0}\n");
        Should.Throw<MoaException>(() => BenchmarkSealer.Seal(dir, key)).Message.ShouldContain("changed after the split");

        var (dir2, key2, _, _) = SplitBenchmark("second");
        BenchmarkSealer.Seal(dir2, key2);
        Should.Throw<MoaException>(() => BenchmarkSealer.Seal(dir2, key2)).Message.ShouldContain("already sealed");
        Should.Throw<MoaException>(() => BenchmarkSplitter.Run(dir2, new SplitOptions(0.1, 1) { Force = true })).Message.ShouldContain("the benchmark is sealed");
        Should.Throw<MoaException>(() => BenchmarkSealer.Unseal(dir2, key2, dir2)).Message.ShouldContain("--output must be another folder");
        Should.Throw<MoaException>(() => BenchmarkSealer.Unseal(unsplit, key2, TestPaths.NewTempDir())).Message.ShouldContain("not a sealed benchmark");
    }
}
