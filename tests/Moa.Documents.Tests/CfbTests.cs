using System.Buffers.Binary;
using Moa.Documents.Cfb;

namespace Moa.Documents.Tests;

public sealed class CfbTests
{
    private static byte[] RealHwp() => File.ReadAllBytes(TestPaths.Data("providers", "hwp", "msit_press_release_noori.hwp"));

    [Fact]
    public void Open_RealHwp_ListsHwpStreamsByPath()
    {
        var cfb = CompoundFile.Open(RealHwp());

        cfb.Contains("FileHeader").ShouldBeTrue();
        cfb.Contains("DocInfo").ShouldBeTrue();
        cfb.Contains("BodyText/Section0").ShouldBeTrue();
        cfb.Find("BodyText")!.Type.ShouldBe(CompoundFileEntryType.Storage);
        cfb.Contains("bodytext/section0").ShouldBeTrue();
    }

    [Fact]
    public void ReadStream_MiniStreamFileHeader_HasHwpSignatureAndSize()
    {
        var cfb = CompoundFile.Open(RealHwp());

        var header = cfb.ReadStream("FileHeader");

        header.Length.ShouldBe(256);
        header.AsSpan().StartsWith("HWP Document File"u8).ShouldBeTrue();
    }

    [Fact]
    public void ReadStream_RegularSectorStream_MatchesDeclaredSize()
    {
        var cfb = CompoundFile.Open(RealHwp());
        var big = cfb.Entries.Where(e => e.IsStream && e.Size >= 4096).ToList();

        big.ShouldNotBeEmpty();
        foreach (var entry in big)
        {
            cfb.ReadStream(entry).Length.ShouldBe((int)entry.Size);
        }
    }

    [Fact]
    public void ReadStream_Missing_ThrowsNamingTheStream()
    {
        var cfb = CompoundFile.Open(RealHwp());

        Should.Throw<CompoundFileException>(() => cfb.ReadStream("BodyText/Section99")).Message.ShouldContain("Section99");
        Should.Throw<CompoundFileException>(() => cfb.ReadStream("BodyText")).Message.ShouldContain("storage");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(511)]
    public void Open_TooShort_Throws(int length)
    {
        Should.Throw<CompoundFileException>(() => CompoundFile.Open(RealHwp()[..length]));
    }

    [Fact]
    public void Open_NoSignature_Throws()
    {
        var bytes = RealHwp();
        bytes[0] = 0;

        Should.Throw<CompoundFileException>(() => CompoundFile.Open(bytes)).Message.ShouldContain("signature");
    }

    [Fact]
    public void Open_DirectoryChainLoopsOnItself_ThrowsInsteadOfLooping()
    {
        var bytes = RealHwp();
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        SetFat(bytes, directory, directory);

        Should.Throw<CompoundFileException>(() => CompoundFile.Open(bytes)).Message.ShouldContain("loop");
    }

    [Fact]
    public void Open_DirectoryChainLeavesTheFile_ThrowsOutOfRange()
    {
        var bytes = RealHwp();
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        SetFat(bytes, directory, 0x00FFFFF0);

        Should.Throw<CompoundFileException>(() => CompoundFile.Open(bytes)).Message.ShouldContain("outside");
    }

    [Fact]
    public void Open_FatSectorCountLargerThanFile_Throws()
    {
        var bytes = RealHwp();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x2C), 0x7FFFFFFF);

        Should.Throw<CompoundFileException>(() => CompoundFile.Open(bytes)).Message.ShouldContain("FAT sectors");
    }

    [Fact]
    public void Open_FirstDirectorySectorOutOfRange_Throws()
    {
        var bytes = RealHwp();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x30), 0xFFFFFFF0);

        Should.Throw<CompoundFileException>(() => CompoundFile.Open(bytes));
    }

    [Fact]
    public void Open_DirectoryTreeWithCycle_Ends()
    {
        var bytes = RealHwp();
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        var offset = (int)(directory + 1) * 512;

        // Make every entry of the first directory sector its own left and right sibling and child's sibling.
        for (var i = 1; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + (i * 128) + 0x44), (uint)i);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + (i * 128) + 0x48), 1);
        }

        var cfb = CompoundFile.Open(bytes);

        cfb.Entries.Count.ShouldBeLessThan(100);
    }

    [Fact]
    public void ReadStream_StreamSizeLargerThanFile_Throws()
    {
        var bytes = RealHwp();
        var cfb = CompoundFile.Open(bytes);
        var section = cfb.Find("BodyText/Section0")!;
        var entryOffset = DirectoryEntryOffset(bytes, section.Id);

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entryOffset + 0x78), 0x7FFFFFF0);
        var patched = CompoundFile.Open(bytes);

        Should.Throw<CompoundFileException>(() => patched.ReadStream("BodyText/Section0")).Message.ShouldContain("declares");
    }

    /// <summary>File offset of directory entry <paramref name="id"/>, following the directory chain through the first FAT sector.</summary>
    private static int DirectoryEntryOffset(byte[] bytes, int id)
    {
        var firstFat = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x4C));
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        for (var i = 0; i < id / 4; i++)
        {
            sector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)((firstFat + 1) * 512) + ((int)sector * 4)));
        }

        return ((int)(sector + 1) * 512) + (id % 4 * 128);
    }

    /// <summary>Sets FAT entry <paramref name="sector"/> (first FAT sector only) to <paramref name="next"/>.</summary>
    private static void SetFat(byte[] bytes, uint sector, uint next)
    {
        var firstFat = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x4C));
        sector.ShouldBeLessThan(128u);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)((firstFat + 1) * 512) + ((int)sector * 4)), next);
    }
}
