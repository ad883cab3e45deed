using System.Runtime.InteropServices;
using SkiaSharp;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// Cuts a font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset, in
/// the libHarfBuzzSharp that SkiaSharp's text support already ships; MIT). SkiaSharp's PDF backend
/// embeds a TrueType font whole — 4 MB for a Japanese face — so reports hand it a subset of a few
/// dozen kilobytes instead. The subset keeps the characters' cmap entries, so the PDF's text map,
/// and with it search and copy, is as good as the full font's.
/// </summary>
internal static class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    /// <summary>
    /// <paramref name="typeface"/> holding only the glyphs of <paramref name="characters"/> (code
    /// points); null when the face cannot be read or cut (the caller then draws with the full face).
    /// </summary>
    public static SKTypeface? Of(SKTypeface typeface, IEnumerable<int> characters)
    {
        byte[] bytes;
        int index;
        using (var stream = typeface.OpenStream(out index))
        {
            if (stream is null)
                return null;
            bytes = new byte[stream.Length];
            if (stream.Read(bytes, bytes.Length) != bytes.Length)
                return null;
        }
        var subset = Cut(bytes, index, characters);
        return subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
    }

    private static byte[]? Cut(byte[] font, int index, IEnumerable<int> characters)
    {
        var blob = hb_blob_create(font, (uint)font.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
        var face = hb_face_create(blob, (uint)index);
        var input = hb_subset_input_create_or_fail();
        var subset = IntPtr.Zero;
        var result = IntPtr.Zero;
        try
        {
            if (input == IntPtr.Zero)
                return null;
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var character in characters)
                hb_set_add(unicodes, (uint)character);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
                return null;
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == IntPtr.Zero || length == 0)
                return null;
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(result);
            hb_face_destroy(subset);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    // HB_MEMORY_MODE_DUPLICATE: HarfBuzz copies the bytes, so the managed array need not outlive the call.
    private const int MemoryModeDuplicate = 0;

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_create(byte[] data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);
}
