using System.Buffers.Binary;

namespace Moa.Text.Hashing;

/// <summary>
/// Incremental xxHash64: append data in pieces of any size, then <see cref="Digest"/>; the result equals
/// <see cref="XxHash64.Hash(ReadOnlySpan{byte}, ulong)"/> over the concatenation. A mutable struct: create it with
/// the constructor (not <c>default</c>) and do not copy it mid-stream.
/// </summary>
public struct XxHash64State
{
    private readonly ulong _seed;
    private ulong _v1;
    private ulong _v2;
    private ulong _v3;
    private ulong _v4;
    private ulong _totalLength;
    private Stripe _buffer;
    private int _buffered;

    /// <summary>Starts a hash with the given seed.</summary>
    public XxHash64State(ulong seed)
    {
        _seed = seed;
        _v1 = seed + XxHash64.Prime1 + XxHash64.Prime2;
        _v2 = seed + XxHash64.Prime2;
        _v3 = seed;
        _v4 = seed - XxHash64.Prime1;
    }

    /// <summary>Appends bytes.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        Span<byte> buffer = _buffer;
        if (_buffered > 0)
        {
            var take = Math.Min(32 - _buffered, data.Length);
            data.Slice(0, take).CopyTo(buffer.Slice(_buffered));
            _buffered += take;
            data = data.Slice(take);
            if (_buffered < 32)
            {
                return;
            }

            ConsumeStripe(buffer);
            _buffered = 0;
        }

        while (data.Length >= 32)
        {
            ConsumeStripe(data);
            data = data.Slice(32);
        }

        data.CopyTo(buffer);
        _buffered = data.Length;
    }

    /// <summary>Appends text as its UTF-16LE bytes, like <see cref="XxHash64.Hash(ReadOnlySpan{char}, ulong)"/>.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        Span<byte> scratch = stackalloc byte[256];
        while (!text.IsEmpty)
        {
            var take = Math.Min(text.Length, scratch.Length / 2);
            for (var i = 0; i < take; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(scratch.Slice(i * 2), text[i]);
            }

            Append(scratch.Slice(0, take * 2));
            text = text.Slice(take);
        }
    }

    /// <summary>The hash of everything appended so far; the state stays usable for more appends.</summary>
    public readonly ulong Digest()
    {
        var acc = _totalLength >= 32
            ? XxHash64.MergeLanes(_v1, _v2, _v3, _v4)
            : _seed + XxHash64.Prime5;
        acc += _totalLength;
        ReadOnlySpan<byte> buffer = _buffer;
        return XxHash64.Finish(acc, buffer.Slice(0, _buffered));
    }

    private void ConsumeStripe(ReadOnlySpan<byte> stripe)
    {
        _v1 = XxHash64.Round(_v1, BinaryPrimitives.ReadUInt64LittleEndian(stripe));
        _v2 = XxHash64.Round(_v2, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(8)));
        _v3 = XxHash64.Round(_v3, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(16)));
        _v4 = XxHash64.Round(_v4, BinaryPrimitives.ReadUInt64LittleEndian(stripe.Slice(24)));
    }

    [System.Runtime.CompilerServices.InlineArray(32)]
    private struct Stripe
    {
        private byte _element0;
    }
}
