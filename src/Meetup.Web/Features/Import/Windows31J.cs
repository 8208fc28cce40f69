using System.Text;

namespace Meetup.Web.Features.Import;

/// <summary>
/// Shift_JIS as Japanese Windows and Excel read and write it (Windows-31J, code page 932), strict:
/// bytes it cannot read are an error, never '?'. .NET's own code page 932 leaves out codes that
/// Windows reads: the NEC-selected IBM extensions (0xED40–0xEEFC: 﨑 as 0xED95, 髙 as 0xEEE0), the
/// duplicates in NEC row 13 and the IBM extensions (≒ 0x8790, Ⅰ 0xFA4A, ㈱ 0xFA58 …) and the
/// user-defined area (0xF040–0xF9FC, private use). Each of the first has a twin code that .NET
/// reads as the same character, so this decoder reads the twin; the last map as Windows maps them.
/// Encoding (which the import never does) is .NET's.
/// </summary>
public sealed class Windows31J : Encoding
{
    private static readonly Encoding Base = CodePage932();

    // Double-byte code → character; '\0' where Windows reads nothing either.
    private static readonly char[] DoubleByte = BuildTable();

    // Single bytes as .NET reads them (ASCII, half-width katakana); '\0' for lead bytes and unread bytes (0x00 is NUL itself).
    private static readonly char[] SingleByte = BuildSingle();

    private Windows31J() : base(932) { }

    /// <summary>The strict decoder (the one instance: it holds no state).</summary>
    public static Windows31J Strict { get; } = new();

    public override string WebName => "shift_jis";

    public override string EncodingName => "Japanese (Windows-31J)";

    private static Encoding CodePage932()
    {
        RegisterProvider(CodePagesEncodingProvider.Instance);
        return GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static bool IsLead(byte b) => b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC);

    private static bool IsTrail(byte b) => b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC);

    private static char[] BuildSingle()
    {
        var table = new char[256];
        for (var b = 0; b < 256; b++)
        {
            if (!IsLead((byte)b) && TryBase([(byte)b], out var c))
            {
                table[b] = c;
            }
        }
        return table;
    }

    private static char[] BuildTable()
    {
        var table = new char[65536];
        for (var lead = 0x81; lead <= 0xFC; lead++)
        {
            if (!IsLead((byte)lead))
            {
                continue;
            }
            for (var trail = 0x40; trail <= 0xFC; trail++)
            {
                if (IsTrail((byte)trail) && TryBase([(byte)lead, (byte)trail], out var c))
                {
                    table[(lead << 8) | trail] = c;
                }
            }
        }
        // NEC-selected IBM extensions: 0xED40–0xEEEC are 0xFA5C–0xFC4B in the same order; then ⅰ–ⅹ, ￢, ￤, ＇, ＂.
        for (int nec = 0xED40, ibm = 0xFA5C; nec <= 0xEEEC; nec = Next(nec), ibm = Next(ibm))
        {
            table[nec] = table[ibm];
        }
        for (var i = 0; i < 10; i++)
        {
            table[0xEEEF + i] = table[0xFA40 + i];
        }
        table[0xEEF9] = table[0x81CA];
        table[0xEEFA] = table[0xFA55];
        table[0xEEFB] = table[0xFA56];
        table[0xEEFC] = table[0xFA57];
        // Duplicates Windows reads as their twins: NEC row 13's math signs and the IBM extension's Roman numerals and signs.
        (int Code, int Twin)[] twins =
        [
            (0x8790, 0x81E0), (0x8791, 0x81DF), (0x8792, 0x81E7), (0x8795, 0x81E3), (0x8796, 0x81DB),
            (0x8797, 0x81DA), (0x879A, 0x81E6), (0x879B, 0x81BF), (0x879C, 0x81BE),
            (0xFA54, 0x81CA), (0xFA58, 0x878A), (0xFA59, 0x8782), (0xFA5A, 0x8784), (0xFA5B, 0x81E6),
        ];
        foreach (var (code, twin) in twins)
        {
            table[code] = table[twin];
        }
        for (var i = 0; i < 10; i++)
        {
            table[0xFA4A + i] = table[0x8754 + i]; // Ⅰ–Ⅹ
        }
        // The user-defined area (外字): private use, as Windows maps it.
        var pua = 0xE000;
        for (var lead = 0xF0; lead <= 0xF9; lead++)
        {
            for (var trail = 0x40; trail <= 0xFC; trail++)
            {
                if (trail != 0x7F)
                {
                    table[(lead << 8) | trail] = (char)pua++;
                }
            }
        }
        return table;
    }

    private static int Next(int code)
    {
        var (lead, trail) = (code >> 8, (code & 0xFF) + 1);
        if (trail == 0x7F)
        {
            trail = 0x80;
        }
        if (trail > 0xFC)
        {
            (lead, trail) = (lead + 1, 0x40);
        }
        return (lead << 8) | trail;
    }

    private static bool TryBase(byte[] bytes, out char c)
    {
        c = '\0';
        try
        {
            var chars = Base.GetChars(bytes);
            if (chars.Length != 1)
            {
                return false;
            }
            c = chars[0];
            return c != '\0' || bytes is [0];
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (or only counts when it is empty and <paramref name="countOnly"/>).</summary>
    /// <param name="pending">A lead byte left over from the previous block (−1 for none); updated.</param>
    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool countOnly, bool flush, ref int pending)
    {
        var written = 0;
        var index = 0;
        while (index < bytes.Length || (pending >= 0 && flush && index >= bytes.Length))
        {
            int lead;
            if (pending >= 0)
            {
                lead = pending;
            }
            else
            {
                var b = bytes[index++];
                if (!IsLead(b))
                {
                    var single = SingleByte[b];
                    if (single == '\0' && b != 0)
                    {
                        throw Invalid([b], index - 1);
                    }
                    if (!countOnly)
                    {
                        chars[written] = single;
                    }
                    written++;
                    continue;
                }
                lead = b;
            }
            if (index >= bytes.Length)
            {
                if (flush)
                {
                    pending = -1;
                    throw Invalid([(byte)lead], index - 1);
                }
                pending = lead; // the trail byte comes with the next block
                return written;
            }
            pending = -1;
            var trail = bytes[index++];
            var c = IsTrail(trail) ? DoubleByte[(lead << 8) | trail] : '\0';
            if (c == '\0')
            {
                throw Invalid([(byte)lead, trail], index - 2);
            }
            if (!countOnly)
            {
                chars[written] = c;
            }
            written++;
        }
        return written;
    }

    private static DecoderFallbackException Invalid(byte[] bytes, int index)
        => new($"Bytes {System.Convert.ToHexString(bytes)} are not Windows-31J (Shift_JIS) text.", bytes, Math.Max(index, 0));

    public override int GetCharCount(byte[] bytes, int index, int count)
        => GetCharCount(bytes.AsSpan(index, count));

    public override int GetCharCount(ReadOnlySpan<byte> bytes)
    {
        var pending = -1;
        return Decode(bytes, [], countOnly: true, flush: true, ref pending);
    }

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        => GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var pending = -1;
        return Decode(bytes, chars, countOnly: false, flush: true, ref pending);
    }

    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override int GetByteCount(char[] chars, int index, int count) => Base.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        => Base.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetMaxByteCount(int charCount) => Base.GetMaxByteCount(charCount);

    public override byte[] GetPreamble() => [];

    public override ReadOnlySpan<byte> Preamble => [];

    public override Decoder GetDecoder() => new StreamDecoder();

    /// <summary>Keeps a lead byte that ends one block for the trail byte at the start of the next (StreamReader reads in blocks).</summary>
    private sealed class StreamDecoder : Decoder
    {
        private int _pending = -1;

        public override void Reset() => _pending = -1;

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush)
            => GetCharCount(bytes.AsSpan(index, count), flush);

        public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush)
        {
            var pending = _pending; // counting does not consume
            return Decode(bytes, [], countOnly: true, flush, ref pending);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
            => GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush)
            => GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush);

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
            => Decode(bytes, chars, countOnly: false, flush, ref _pending);
    }
}
