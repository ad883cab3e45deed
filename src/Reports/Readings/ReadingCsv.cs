using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Pilots.Kinds;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports.Rendering;

namespace Cooperation.Reports.Readings;

/// <summary>A file of readings as read: the rows that could be read, those refused, and every row's cells as written.</summary>
/// <param name="Rows">The rows read, for the pilots to judge.</param>
/// <param name="Unreadable">The rows refused while reading (bad number, missing cell...).</param>
/// <param name="RowCount">Rows in the file, header excluded.</param>
/// <param name="Columns">The header's columns, lower case, in the file's order.</param>
/// <param name="Cells">Each row's cells as written (row number → cells in <paramref name="Columns"/>' order), to show a refused row.</param>
public sealed record ReadingFile(List<ImportRow> Rows, List<RowRejection> Unreadable, int RowCount,
    IReadOnlyList<string> Columns, IReadOnlyDictionary<int, IReadOnlyList<string>> Cells);

/// <summary>
/// The CSV form of readings (docs/csv-import.md): one row per pilot, KPI, period and value.
/// Reading a file refuses it as a whole only when it cannot be a readings file (no header,
/// unknown columns, too many rows, broken quoting); a row that cannot be read is refused on its
/// own, with its row number, and the pilots judge the others. The gateway's import and the web's
/// upload page both read files here; a workbook is read as its cells in this form (<see cref="ReadingWorkbook"/>).
/// </summary>
public static class ReadingCsv
{
    /// <summary>Columns every file has.</summary>
    public static readonly string[] RequiredColumns = ["pilot_id", "kpi_code", "period", "value"];

    /// <summary>Columns a file may add.</summary>
    public static readonly string[] OptionalColumns = ["numerator", "denominator", "breakdown", "note"];

    private static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        DetectColumnCountChanges = false,
        MissingFieldFound = null,
    };

    /// <summary>The rows of <paramref name="csv"/>, read and refused ones apart; InvalidArgument on "csv" when it is no readings file.</summary>
    public static ReadingFile Read(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
            throw new InvalidFieldException("csv", $"is empty: it needs a header row ({string.Join(",", RequiredColumns)}) and readings");
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), Format);
        var (rows, unreadable, count) = (new List<ImportRow>(), new List<RowRejection>(), 0);
        var cells = new Dictionary<int, IReadOnlyList<string>>();
        string[] columns;
        try
        {
            reader.Read();
            reader.ReadHeader();
            columns = CheckHeader(reader.HeaderRecord ?? []);
            while (reader.Read())
            {
                if (++count > ReadingImportRequest.MaxRows)
                    throw new InvalidFieldException("csv", $"must hold at most {ReadingImportRequest.MaxRows:N0} rows; split the file");
                var problems = new List<RowRejection>();
                cells[reader.Parser.Row] = [.. Enumerable.Range(0, columns.Length).Select(i => reader.TryGetField<string>(i, out var cell) ? cell ?? "" : "")];
                var row = ReadRow(reader, reader.Parser.Row, problems);
                if (problems.Count > 0)
                    unreadable.AddRange(problems);
                else
                    rows.Add(row!);
            }
        }
        catch (CsvHelperException broken)
        {
            throw new InvalidFieldException("csv", $"row {broken.Context?.Parser?.Row}: cannot be read as CSV (check the quotes)");
        }
        return new ReadingFile(rows, unreadable, count, columns, cells);
    }

    private static string[] CheckHeader(string[] header)
    {
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (RequiredColumns.FirstOrDefault(c => !columns.Contains(c)) is { } missing)
            throw new InvalidFieldException("csv", $"the header row lacks column '{missing}'; it needs {string.Join(",", RequiredColumns)}");
        if (columns.FirstOrDefault(c => !RequiredColumns.Contains(c) && !OptionalColumns.Contains(c)) is { } unknown)
            throw new InvalidFieldException("csv", $"unknown column '{unknown}'; columns are {string.Join(",", RequiredColumns.Concat(OptionalColumns))}");
        if (columns.Distinct().Count() != columns.Length)
            throw new InvalidFieldException("csv", "the header row names a column twice");
        return columns;
    }

    private static ImportRow? ReadRow(CsvReader reader, int row, List<RowRejection> problems)
    {
        T? Cell<T>(string column, Func<string, T> parse)
        {
            var text = reader.GetField(column)?.Trim();
            if (string.IsNullOrEmpty(text))
                return default;
            try
            {
                return parse(text);
            }
            catch (Exception refused) when (refused is InvalidFieldException or FormatException or OverflowException)
            {
                problems.Add(new RowRejection(row, column, refused is InvalidFieldException invalid ? invalid.Violations[0].Description : $"'{text}' is not a number"));
                return default;
            }
        }

        string? Text(string column) => reader.TryGetField<string>(column, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        var pilotId = Cell("pilot_id", text => Field.Id(text, "pilot_id"));
        var kpiCode = Cell("kpi_code", text => Field.Id(text, "kpi_code"));
        var period = Cell<ReportingPeriod?>("period", text => ReportingPeriod.Parse(text, "period"));
        var value = Cell<double?>("value", Number);
        var numerator = Text("numerator") is null ? null : Cell<double?>("numerator", Number);
        var denominator = Text("denominator") is null ? null : Cell<double?>("denominator", Number);
        var breakdown = Text("breakdown") is { } parts ? Breakdown(parts, row, problems) : null;
        foreach (var (column, present) in new[] { ("pilot_id", pilotId is not null), ("kpi_code", kpiCode is not null), ("period", period is not null) })
        {
            if (!present && problems.All(p => p.Column != column))
                problems.Add(new RowRejection(row, column, "is required"));
        }
        if (problems.Count > 0)
            return null;
        return new ImportRow(row, pilotId!, new KpiReadingInput(kpiCode!, period!.Value, value, numerator, denominator, breakdown, Text("note")));
    }

    private static double? Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var number && double.IsFinite(number)
        ? number
        : throw new FormatException();

    /// <summary>"dimension:category=value;..." as breakdown values.</summary>
    private static ValueList<BreakdownValue>? Breakdown(string text, int row, List<RowRejection> problems)
    {
        var values = new List<BreakdownValue>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (colon, equals) = (part.IndexOf(':'), part.LastIndexOf('='));
            if (colon <= 0 || equals <= colon + 1 || !double.TryParse(part[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new RowRejection(row, "breakdown", $"'{part}' is not \"dimension:category=value\""));
                return null;
            }
            values.Add(new BreakdownValue(part[..colon].Trim(), part[(colon + 1)..equals].Trim(), value));
        }
        return ValueList.Of(values);
    }

    /// <summary>
    /// The template of <paramref name="pilot"/> for <paramref name="period"/>: a row per KPI partners
    /// enter (those the platform computes, a JCM pilot's emission reductions, are left out).
    /// </summary>
    public static string Template(PilotView pilot, ReportingPeriod period) =>
        Template(pilot.PilotId, period.ToString(), KpisEntered(pilot));

    /// <summary>The KPIs of <paramref name="pilot"/> partners enter, in the pilot's order.</summary>
    public static IEnumerable<KpiDefinition> KpisEntered(PilotView pilot) =>
        PilotKinds.Of(pilot.Definition.Kind).Entered(pilot.Kpis.Select(k => k.Definition));

    /// <summary>A template: the header, then a row per KPI for <paramref name="pilotId"/> and <paramref name="period"/>, the rest left blank.</summary>
    public static string Template(string pilotId, string period, IEnumerable<KpiDefinition> kpis)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Cells are neutralised as in every CSV people open in a spreadsheet (SpreadsheetSafeCsvWriter).
        using var writer = new SpreadsheetSafeCsvWriter(text, Format);
        foreach (var row in TemplateRows(pilotId, period, kpis))
        {
            foreach (var cell in row)
                writer.WriteField(cell);
            writer.NextRecord();
        }
        writer.Flush();
        return text.ToString();
    }

    /// <summary>The template's rows (header first), for a CSV file or a workbook (<see cref="ReadingWorkbook"/>).</summary>
    public static IEnumerable<string[]> TemplateRows(string pilotId, string period, IEnumerable<KpiDefinition> kpis)
    {
        yield return [.. RequiredColumns, .. OptionalColumns];
        // Only what identifies the reading: anything else left in a cell would be stored.
        foreach (var kpi in kpis)
            yield return [pilotId, kpi.Code, period, .. Enumerable.Repeat("", OptionalColumns.Length + 1)];
    }

    /// <summary><paramref name="rows"/> as CSV text in the form <see cref="Read"/> reads (a workbook's cells, say).</summary>
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new CsvWriter(text, Format);
        foreach (var row in rows)
        {
            foreach (var cell in row)
                writer.WriteField(cell);
            writer.NextRecord();
        }
        writer.Flush();
        return text.ToString();
    }
}
