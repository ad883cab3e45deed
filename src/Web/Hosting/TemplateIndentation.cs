namespace Cooperation.Web.Hosting;

/// <summary>
/// The indentation of the page templates, taken out of a rendered page: a line break followed by
/// spaces, tabs or more line breaks becomes one line break. Browsers show any run of whitespace
/// between words and tags as one space, so the page looks the same; it is a third smaller (the
/// pilot page went from 74 KB to 45 KB), which counts on phones and weak networks. Elements that
/// show their whitespace as written (<c>pre</c>, <c>textarea</c>) are left untouched.
/// </summary>
internal static class TemplateIndentation
{
    private static readonly byte[][] Keeping = ["<pre"u8.ToArray(), "<textarea"u8.ToArray()];
    private static readonly byte[][] KeepingEnds = ["</pre>"u8.ToArray(), "</textarea>"u8.ToArray()];

    /// <summary>Removes the indentation from UTF-8 <paramref name="page"/> in place; returns its new length.</summary>
    public static int Remove(Span<byte> page)
    {
        var written = 0;
        var read = 0;
        while (read < page.Length)
        {
            var (keepFrom, keepTo) = NextKept(page, read);
            written += Collapse(page[read..keepFrom], page[written..]);
            page[keepFrom..keepTo].CopyTo(page[written..]);
            written += keepTo - keepFrom;
            read = keepTo;
        }
        return written;
    }

    // Collapses source into target (which starts at or before source in the same buffer, so a
    // forward copy never overwrites what is still to be read).
    private static int Collapse(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var written = 0;
        while (source.Length > 0)
        {
            var lineEnd = source.IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                source.CopyTo(target[written..]);
                return written + source.Length;
            }
            source[..(lineEnd + 1)].CopyTo(target[written..]);
            written += lineEnd + 1;
            source = source[(lineEnd + 1)..];
            var indent = source.IndexOfAnyExcept(" \t\r\n"u8);
            source = indent < 0 ? [] : source[indent..];
        }
        return written;
    }

    // The next element that keeps its whitespace, from its opening tag to the end of its closing
    // tag (or the page's end); (length, length) when there is none.
    private static (int From, int To) NextKept(ReadOnlySpan<byte> page, int start)
    {
        var (from, to) = (page.Length, page.Length);
        for (var i = 0; i < Keeping.Length; i++)
        {
            var at = OpeningTag(page[start..], Keeping[i]);
            if (at < 0 || start + at >= from)
                continue;
            from = start + at;
            var end = page[from..].IndexOf(KeepingEnds[i]);
            to = end < 0 ? page.Length : from + end + KeepingEnds[i].Length;
        }
        return (from, to);
    }

    // Where the tag opens: "<pre" followed by '>' or whitespace, not "<preview".
    private static int OpeningTag(ReadOnlySpan<byte> page, ReadOnlySpan<byte> tag)
    {
        var offset = 0;
        while (page[offset..].IndexOf(tag) is var at && at >= 0)
        {
            var next = offset + at + tag.Length;
            if (next >= page.Length || page[next] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/')
                return offset + at;
            offset = next;
        }
        return -1;
    }
}
