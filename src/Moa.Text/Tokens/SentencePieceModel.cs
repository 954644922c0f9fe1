namespace Moa.Text.Tokens;

/// <summary>Reads the one field of a SentencePiece <c>.model</c> (protobuf <c>ModelProto</c>) that the library leaves out.</summary>
internal static class SentencePieceModel
{
    private const int NormalizerSpecField = 3;
    private const int NameField = 1;

    /// <summary>
    /// Whether the model's <c>normalizer_spec.name</c> is an NFKC rule (<c>nmt_nfkc</c>, <c>nfkc</c>, and their <c>_cf</c>
    /// variants); SentencePiece's trainer writes <c>nmt_nfkc</c> unless told otherwise. A file it cannot walk gives false:
    /// the library then reports the damage when it loads the model.
    /// </summary>
    public static bool NormalizesNfkc(ReadOnlySpan<byte> model)
    {
        var spec = Field(model, NormalizerSpecField);
        if (spec.IsEmpty)
        {
            return false;
        }

        var name = System.Text.Encoding.UTF8.GetString(Field(spec, NameField));
        return name.Contains("nfkc", StringComparison.Ordinal);
    }

    /// <summary>The bytes of the first length-delimited field <paramref name="number"/> of a message, or empty.</summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> message, int number)
    {
        var pos = 0;
        while (pos < message.Length)
        {
            if (!TryVarint(message, ref pos, out var key))
            {
                return default;
            }

            var wire = (int)(key & 7);
            var field = key >> 3;
            switch (wire)
            {
                case 0:
                    if (!TryVarint(message, ref pos, out _))
                    {
                        return default;
                    }

                    break;
                case 1:
                    pos += 8;
                    break;
                case 5:
                    pos += 4;
                    break;
                case 2:
                    if (!TryVarint(message, ref pos, out var length) || length > (ulong)(message.Length - pos))
                    {
                        return default;
                    }

                    if (field == (ulong)number)
                    {
                        return message.Slice(pos, (int)length);
                    }

                    pos += (int)length;
                    break;
                default:
                    return default;
            }
        }

        return default;
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && pos < data.Length; shift += 7)
        {
            var b = data[pos++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
