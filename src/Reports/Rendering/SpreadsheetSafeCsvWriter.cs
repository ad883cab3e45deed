using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// The one way the platform writes CSV files people open in spreadsheets (reports, templates): a
/// text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
/// is written quoted behind an apostrophe (<c>"'=…"</c>, CsvHelper's injection escape), so a title
/// such as <c>=HYPERLINK(…)</c> stays text on a donor's machine. Numbers stay numbers: a cell that
/// is a plain number in invariant notation (<c>-12.5</c>, <c>1E-05</c>) is written as it is.
/// </summary>
public sealed class SpreadsheetSafeCsvWriter : CsvWriter
{
    // A number as the platform writes it: sign, digits, decimal point, exponent; no spaces or separators.
    private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>A writer onto <paramref name="text"/> with <paramref name="configuration"/> (invariant culture by default), cells neutralised.</summary>
    public SpreadsheetSafeCsvWriter(TextWriter text, CsvConfiguration? configuration = null)
        : base(text, (configuration ?? new CsvConfiguration(CultureInfo.InvariantCulture)) with { InjectionOptions = InjectionOptions.Escape })
    {
    }

    /// <summary>True when <paramref name="cell"/> is a plain number, which a spreadsheet reads as a number and never as a formula.</summary>
    public static bool IsNumber(string cell) =>
        cell.Length > 0 && double.TryParse(cell, PlainNumber, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);

    /// <inheritdoc/>
    protected override string? SanitizeForInjection(string? field) => field is null || IsNumber(field) ? field : base.SanitizeForInjection(field);
}
