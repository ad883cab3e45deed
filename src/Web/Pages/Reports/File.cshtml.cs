using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Delivery;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Reports;

/// <summary>
/// <c>/reports/{id}/file</c>: an archived report file for the signed-in person, through the same
/// grain as the API's download (<see cref="IReportArchiveGrain.ReadableFile"/>, as the person: a
/// file they may not read and one that does not exist are the same 403 page), written as the
/// gateway writes it (<see cref="ReportFileResponse"/>: media type, file name, ETag, the format's
/// own headers, chunk by chunk).
/// </summary>
public sealed class FileModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>Serves the file (GET and HEAD).</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId) || reportId <= 0)
            throw new EntityNotFoundException("report", id);
        var file = await Grains.GetGrain<IReportArchiveGrain>(0).ReadableFile(reportId);
        await ReportFileResponse.WriteAsync(HttpContext, file, new ReportArchive(Grains));
        return new EmptyResult();
    }
}
