using System.Text.Json;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Common;

namespace Cooperation.Silo.Journal;

/// <summary>A reading's breakdown as stored in kpi_reading's jsonb column.</summary>
internal static class BreakdownJson
{
    /// <summary>The column value; null for no breakdown.</summary>
    public static string? Write(ValueList<BreakdownValue> breakdown) =>
        breakdown.Count == 0 ? null : JsonSerializer.Serialize(breakdown.Select(b => new Row(b.Dimension, b.Category, b.Value)));

    /// <summary>The breakdown from the column value.</summary>
    public static ValueList<BreakdownValue> Read(string json) =>
        ValueList.Of(JsonSerializer.Deserialize<Row[]>(json)!.Select(b => new BreakdownValue(b.Dimension, b.Category, b.Value)));

    private sealed record Row(string Dimension, string Category, double Value);
}
