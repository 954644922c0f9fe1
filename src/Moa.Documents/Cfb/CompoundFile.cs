using System.Buffers.Binary;
using System.Text;

namespace Moa.Documents.Cfb;

/// <summary>
/// A read-only OLE compound file ([MS-CFB]): the container of HWP 5.0, legacy Office and MSI files.
/// Every sector number, chain and size is checked against the file before use, so a damaged or hostile
/// file ends in a <see cref="CompoundFileException"/>, never in a loop or an unbounded allocation.
/// </summary>
public sealed class CompoundFile
{
    /// <summary>The eight signature bytes every compound file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint NoStream = 0xFFFFFFFF;
    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;
    private const int HeaderDifatEntries = 109;

    private readonly byte[] _data;
    private readonly int _sectorSize;
    private readonly int _miniSectorSize;
    private readonly uint _miniStreamCutoff;
    private readonly uint _sectorCount;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly byte[] _miniStream;
    private readonly List<CompoundFileEntry> _entries;
    private readonly Dictionary<string, CompoundFileEntry> _byPath;

    private CompoundFile(byte[] data)
    {
        _data = data;
        if (data.Length < HeaderSize)
        {
            throw new CompoundFileException($"file is {data.Length} bytes, shorter than the 512-byte compound file header");
        }

        var header = data.AsSpan(0, HeaderSize);
        if (!header.StartsWith(Signature))
        {
            throw new CompoundFileException("no compound file signature (D0 CF 11 E0 A1 B1 1A E1) at offset 0");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header[0x1C..]) != 0xFFFE)
        {
            throw new CompoundFileException("byte order mark is not FFFE (little-endian)");
        }

        var major = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1A..]);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x20..]);
        if (!(major == 3 && sectorShift == 9) && !(major == 4 && sectorShift == 12))
        {
            throw new CompoundFileException($"unsupported major version {major} with sector shift {sectorShift} (expected 3/9 or 4/12)");
        }

        if (miniShift != 6)
        {
            throw new CompoundFileException($"mini sector shift is {miniShift}, expected 6");
        }

        _sectorSize = 1 << sectorShift;
        _miniSectorSize = 1 << miniShift;
        _miniStreamCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        if (_miniStreamCutoff != 4096)
        {
            throw new CompoundFileException($"mini stream cutoff is {_miniStreamCutoff}, expected 4096");
        }

        // Sectors after the header; a partial last sector still counts (some writers truncate it).
        _sectorCount = (uint)((data.Length - _sectorSize + _sectorSize - 1) / _sectorSize);
        if (data.Length <= _sectorSize)
        {
            _sectorCount = 0;
        }

        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
        var firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]);
        var firstMiniFat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]);
        var miniFatCount = BinaryPrimitives.ReadUInt32LittleEndian(header[0x40..]);
        var firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        var difatCount = BinaryPrimitives.ReadUInt32LittleEndian(header[0x48..]);

        if (fatSectorCount > _sectorCount)
        {
            throw new CompoundFileException($"header claims {fatSectorCount} FAT sectors but the file holds only {_sectorCount} sectors");
        }

        _fat = ReadFat(header, fatSectorCount, firstDifat, difatCount);
        _miniFat = miniFatCount == 0 || firstMiniFat == EndOfChain
            ? []
            : ToUInt32Array(ReadChain(firstMiniFat, maxBytes: (long)miniFatCount * _sectorSize, "mini FAT"));
        _entries = ReadDirectory(firstDirectory);
        var root = _entries[0];
        _miniStream = root.Size == 0 || root.StartSector == EndOfChain
            ? []
            : ReadChainExact(root.StartSector, root.Size, "mini stream");
        _byPath = BuildPaths();
    }

    /// <summary>Every storage and stream, keyed by its path (<c>BodyText/Section0</c>); names compare case-insensitively.</summary>
    public IReadOnlyCollection<CompoundFileEntry> Entries => _byPath.Values;

    /// <summary>Reads a compound file held in memory.</summary>
    /// <exception cref="CompoundFileException">The bytes are not a well-formed compound file.</exception>
    public static CompoundFile Open(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new CompoundFile(data);
    }

    /// <summary>Whether <paramref name="head"/> starts with the compound file signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> head) => head.StartsWith(Signature);

    /// <summary>The entry at <paramref name="path"/> (storages separated by <c>/</c>), or <see langword="null"/>.</summary>
    public CompoundFileEntry? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Whether a stream or storage exists at <paramref name="path"/>.</summary>
    public bool Contains(string path) => _byPath.ContainsKey(path);

    /// <summary>The bytes of the stream at <paramref name="path"/>.</summary>
    /// <exception cref="CompoundFileException">No such stream, or its sector chain is damaged.</exception>
    public byte[] ReadStream(string path)
    {
        var entry = Find(path) ?? throw new CompoundFileException($"no stream named '{path}'");
        if (!entry.IsStream)
        {
            throw new CompoundFileException($"'{path}' is a storage, not a stream");
        }

        return ReadStream(entry);
    }

    /// <summary>The bytes of a stream entry.</summary>
    public byte[] ReadStream(CompoundFileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Size == 0)
        {
            return [];
        }

        return entry.Size < _miniStreamCutoff
            ? ReadMiniChain(entry.StartSector, (int)entry.Size, entry.Path)
            : ReadChainExact(entry.StartSector, entry.Size, entry.Path);
    }

    private uint[] ReadFat(ReadOnlySpan<byte> header, uint fatSectorCount, uint firstDifat, uint difatCount)
    {
        var fatSectors = new List<uint>((int)Math.Min(fatSectorCount, 4096));
        for (var i = 0; i < HeaderDifatEntries && fatSectors.Count < fatSectorCount; i++)
        {
            var s = BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + (i * 4))..]);
            if (s == FreeSector)
            {
                break;
            }

            fatSectors.Add(s);
        }

        var perDifat = (_sectorSize / 4) - 1;
        var next = firstDifat;
        var seen = 0u;
        while (fatSectors.Count < fatSectorCount && next != EndOfChain && next != FreeSector)
        {
            if (++seen > difatCount || seen > _sectorCount)
            {
                throw new CompoundFileException($"DIFAT chain is longer than the {difatCount} sectors the header declares (a cycle?)");
            }

            var sector = SectorSpan(next, "DIFAT");
            for (var i = 0; i < perDifat && fatSectors.Count < fatSectorCount; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]);
                if (s == FreeSector)
                {
                    continue;
                }

                fatSectors.Add(s);
            }

            next = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perDifat * 4)..]);
        }

        if (fatSectors.Count < fatSectorCount)
        {
            throw new CompoundFileException($"DIFAT lists {fatSectors.Count} FAT sectors, header declares {fatSectorCount}");
        }

        var perSector = _sectorSize / 4;
        var fat = new uint[fatSectors.Count * perSector];
        for (var i = 0; i < fatSectors.Count; i++)
        {
            var sector = SectorSpan(fatSectors[i], "FAT");
            for (var j = 0; j < perSector; j++)
            {
                fat[(i * perSector) + j] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(j * 4)..]);
            }
        }

        return fat;
    }

    private List<CompoundFileEntry> ReadDirectory(uint firstSector)
    {
        var bytes = ReadChain(firstSector, maxBytes: (long)_sectorCount * _sectorSize, "directory");
        var count = bytes.Length / DirectoryEntrySize;
        if (count == 0)
        {
            throw new CompoundFileException("directory is empty (no root entry)");
        }

        var entries = new List<CompoundFileEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var e = bytes.AsSpan(i * DirectoryEntrySize, DirectoryEntrySize);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(e[0x40..]);
            var type = (CompoundFileEntryType)e[0x42];
            var chars = nameLength is >= 2 and <= 64 ? (nameLength / 2) - 1 : 0;
            var name = Encoding.Unicode.GetString(e[..(chars * 2)]);
            var size = BinaryPrimitives.ReadUInt64LittleEndian(e[0x78..]);
            if (_sectorSize == 512)
            {
                // Version 3: the high 32 bits may hold garbage and must be ignored.
                size &= 0xFFFFFFFF;
            }

            entries.Add(new CompoundFileEntry(
                i,
                name,
                type,
                BinaryPrimitives.ReadUInt32LittleEndian(e[0x44..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[0x48..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[0x4C..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[0x74..]),
                (long)Math.Min(size, long.MaxValue)));
        }

        if (entries[0].Type != CompoundFileEntryType.Root)
        {
            throw new CompoundFileException("first directory entry is not the root storage");
        }

        return entries;
    }

    private Dictionary<string, CompoundFileEntry> BuildPaths()
    {
        var byPath = new Dictionary<string, CompoundFileEntry>(StringComparer.OrdinalIgnoreCase);
        var visited = new bool[_entries.Count];
        visited[0] = true;
        var pending = new Stack<(uint Id, string Prefix)>();
        if (_entries[0].Child != NoStream)
        {
            pending.Push((_entries[0].Child, ""));
        }

        // Every entry is visited at most once, so a tree with cycles still ends.
        while (pending.Count > 0)
        {
            var (id, prefix) = pending.Pop();
            if (id >= _entries.Count || visited[id])
            {
                continue;
            }

            visited[id] = true;
            var entry = _entries[(int)id];
            if (entry.Type is not (CompoundFileEntryType.Storage or CompoundFileEntryType.Stream))
            {
                continue;
            }

            entry.Path = prefix.Length == 0 ? entry.Name : prefix + "/" + entry.Name;
            byPath.TryAdd(entry.Path, entry);
            if (entry.Left != NoStream)
            {
                pending.Push((entry.Left, prefix));
            }

            if (entry.Right != NoStream)
            {
                pending.Push((entry.Right, prefix));
            }

            if (entry.Type == CompoundFileEntryType.Storage && entry.Child != NoStream)
            {
                pending.Push((entry.Child, entry.Path));
            }
        }

        return byPath;
    }

    private ReadOnlySpan<byte> SectorSpan(uint sector, string what)
    {
        if (sector > MaxRegularSector || sector >= _sectorCount)
        {
            throw new CompoundFileException($"{what} refers to sector {sector}, outside the file's {_sectorCount} sectors");
        }

        var offset = (long)(sector + 1) * _sectorSize;
        var length = (int)Math.Min(_sectorSize, _data.Length - offset);
        return _data.AsSpan((int)offset, length);
    }

    private uint NextSector(uint sector, string what)
    {
        if (sector >= _fat.Length)
        {
            throw new CompoundFileException($"{what} chain reaches sector {sector}, beyond the FAT's {_fat.Length} entries");
        }

        return _fat[sector];
    }

    /// <summary>Reads a whole chain up to <paramref name="maxBytes"/>; a chain longer than the file has sectors is a cycle.</summary>
    private byte[] ReadChain(uint start, long maxBytes, string what)
    {
        using var buffer = new MemoryStream();
        var sector = start;
        var steps = 0u;
        while (sector != EndOfChain)
        {
            if (++steps > _sectorCount)
            {
                throw new CompoundFileException($"{what} chain loops (more links than the file's {_sectorCount} sectors)");
            }

            if (buffer.Length >= maxBytes)
            {
                throw new CompoundFileException($"{what} chain is longer than its declared {maxBytes} bytes");
            }

            var span = SectorSpan(sector, what);
            buffer.Write(span);
            if (span.Length < _sectorSize)
            {
                buffer.Write(new byte[_sectorSize - span.Length]);
            }

            sector = NextSector(sector, what);
        }

        return buffer.ToArray();
    }

    private byte[] ReadChainExact(uint start, long size, string what)
    {
        var maxSize = (long)_sectorCount * _sectorSize;
        if (size > maxSize || size > Array.MaxLength)
        {
            throw new CompoundFileException($"'{what}' declares {size} bytes, more than the file's {maxSize} bytes of sectors");
        }

        var result = new byte[size];
        var written = 0;
        var sector = start;
        var steps = 0u;
        while (written < size)
        {
            if (sector == EndOfChain)
            {
                throw new CompoundFileException($"'{what}' chain ends after {written} of its {size} bytes");
            }

            if (++steps > _sectorCount)
            {
                throw new CompoundFileException($"'{what}' chain loops (more links than the file's {_sectorCount} sectors)");
            }

            var span = SectorSpan(sector, what);
            var take = (int)Math.Min(span.Length, size - written);
            span[..take].CopyTo(result.AsSpan(written));
            written += take;
            if (take < _sectorSize && written < size)
            {
                throw new CompoundFileException($"'{what}' runs past the end of the file");
            }

            sector = NextSector(sector, what);
        }

        return result;
    }

    private byte[] ReadMiniChain(uint start, int size, string what)
    {
        var result = new byte[size];
        var written = 0;
        var sector = start;
        var steps = 0;
        var miniCount = _miniStream.Length / _miniSectorSize;
        while (written < size)
        {
            if (sector == EndOfChain)
            {
                throw new CompoundFileException($"'{what}' mini chain ends after {written} of its {size} bytes");
            }

            if (++steps > miniCount || sector >= miniCount)
            {
                throw new CompoundFileException(sector >= miniCount
                    ? $"'{what}' refers to mini sector {sector}, outside the mini stream's {miniCount} sectors"
                    : $"'{what}' mini chain loops");
            }

            var take = Math.Min(_miniSectorSize, size - written);
            _miniStream.AsSpan((int)sector * _miniSectorSize, take).CopyTo(result.AsSpan(written));
            written += take;
            if (sector >= _miniFat.Length)
            {
                if (written < size)
                {
                    throw new CompoundFileException($"'{what}' mini chain reaches sector {sector}, beyond the mini FAT");
                }

                break;
            }

            sector = _miniFat[sector];
        }

        return result;
    }

    private static uint[] ToUInt32Array(byte[] bytes)
    {
        var result = new uint[bytes.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return result;
    }
}

/// <summary>Kind of a compound file directory entry.</summary>
public enum CompoundFileEntryType : byte
{
    Unallocated = 0,
    Storage = 1,
    Stream = 2,
    Root = 5,
}

/// <summary>One storage or stream of a <see cref="CompoundFile"/>.</summary>
public sealed class CompoundFileEntry
{
    internal CompoundFileEntry(int id, string name, CompoundFileEntryType type, uint left, uint right, uint child, uint startSector, long size)
    {
        Id = id;
        Name = name;
        Path = name;
        Type = type;
        Left = left;
        Right = right;
        Child = child;
        StartSector = startSector;
        Size = size;
    }

    /// <summary>Index in the directory.</summary>
    public int Id { get; }

    /// <summary>Name of the entry itself.</summary>
    public string Name { get; }

    /// <summary>Full path from the root, storages separated by <c>/</c>.</summary>
    public string Path { get; internal set; }

    /// <summary>Storage, stream or root.</summary>
    public CompoundFileEntryType Type { get; }

    /// <summary>Stream size in bytes.</summary>
    public long Size { get; }

    /// <summary>Whether the entry is a stream (has bytes).</summary>
    public bool IsStream => Type == CompoundFileEntryType.Stream;

    internal uint Left { get; }

    internal uint Right { get; }

    internal uint Child { get; }

    internal uint StartSector { get; }
}

/// <summary>A compound file is damaged or not a compound file: the message says what was found where.</summary>
public sealed class CompoundFileException(string message) : Exception(message);
