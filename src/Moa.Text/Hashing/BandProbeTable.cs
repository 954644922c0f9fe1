namespace Moa.Text.Hashing;

/// <summary>
/// Storage shared by the band tables of near dedup: open addressing with linear probing over band keys, a document
/// index per slot (stored + 1, so 0 marks a free slot), growth by doubling at 80 % load. Subclasses decide what a key
/// holds: one document (<see cref="NearDuplicateClusterer"/>) or several (curation's <c>VerifiedNearDeduplicator</c>).
/// </summary>
internal abstract class BandProbeTable
{
    private const double MaxLoad = 0.8;
    private int _count;
    private int _growAt;

    protected BandProbeTable(int expected)
    {
        var capacity = Math.Max(16, (int)Math.Min(Array.MaxLength, Math.Ceiling((expected + 1) / MaxLoad)));
        Keys = new ulong[capacity];
        Values = new int[capacity];
        _growAt = (int)(capacity * MaxLoad);
    }

    public long MemoryBytes => ((long)Keys.Length * sizeof(ulong)) + ((long)Values.Length * sizeof(int));

    /// <summary>Band key of each slot.</summary>
    protected ulong[] Keys { get; private set; }

    /// <summary>Document + 1 of each slot; 0 marks a free slot.</summary>
    protected int[] Values { get; private set; }

    /// <summary>The first slot to probe for <paramref name="key"/>.</summary>
    protected int HomeSlot(ulong key) => SlotOf(key, Keys.Length);

    /// <summary>The slot after <paramref name="slot"/>, wrapping around.</summary>
    protected int NextSlot(int slot) => slot + 1 == Keys.Length ? 0 : slot + 1;

    /// <summary>Grows the table when the next insertion would pass the load limit; call before probing for an insertion.</summary>
    protected void EnsureRoom()
    {
        if (_count >= _growAt)
        {
            Grow();
        }
    }

    /// <summary>Fills a free slot found by probing.</summary>
    protected void Fill(int slot, ulong key, int document)
    {
        Keys[slot] = key;
        Values[slot] = document + 1;
        _count++;
    }

    // Keys are hashes already, but a multiplicative scramble keeps structured keys (tests, adversarial input)
    // from piling into one probe run; the top 32 bits then map onto the table by multiply-shift.
    private static int SlotOf(ulong key, int capacity) =>
        (int)((((key * 0x9E3779B97F4A7C15UL) >> 32) * (ulong)capacity) >> 32);

    private void Grow()
    {
        var oldKeys = Keys;
        var oldValues = Values;
        var capacity = (int)Math.Min(Array.MaxLength, (long)oldKeys.Length * 2);
        if (capacity == oldKeys.Length)
        {
            ThrowHelper.BandTableFull();
        }

        Keys = new ulong[capacity];
        Values = new int[capacity];
        _growAt = (int)(capacity * MaxLoad);

        // Re-inserted in old slot order, so documents under one key keep their relative order.
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldValues[i] == 0)
            {
                continue;
            }

            var slot = SlotOf(oldKeys[i], capacity);
            while (Values[slot] != 0)
            {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }

            Keys[slot] = oldKeys[i];
            Values[slot] = oldValues[i];
        }
    }
}
