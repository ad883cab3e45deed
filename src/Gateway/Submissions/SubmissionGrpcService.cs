using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Gateway.Common;
using Cooperation.Reports.Readings;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;
using Cooperation.Contracts.Pilots.Kinds;

namespace Cooperation.Gateway.Submissions;

/// <summary>gRPC (and JSON) front of partners' submissions: single updates and CSV files of readings.</summary>
internal sealed class SubmissionGrpcService(GrainReferences<IPilotGrain> pilots, GrainReferences<IReadingImportGrain> imports, TimeProvider clock)
    : Proto.SubmissionService.SubmissionServiceBase
{
    /// <summary>The HTTP header that may carry the idempotency key instead of the body.</summary>
    public const string IdempotencyHeader = "idempotency-key";

    /// <summary>Refused rows an all-or-nothing refusal lists (a status's details travel in a header).</summary>
    public const int MaxListedRejections = 100;

    /// <inheritdoc/>
    public override async Task<Proto.UpdateReceipt> SubmitUpdate(Proto.SubmitUpdateRequest request, ServerCallContext context)
    {
        var (pilotId, update, key) = request.ToDomain(IdempotencyKey(request.IdempotencyKey, context));
        return (await pilots.Get(pilotId).SubmitUpdate(update, key)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.ImportReadingsResult> ImportReadings(Proto.ImportReadingsRequest request, ServerCallContext context)
    {
        var mode = CommonMapping.ToDomain((int)request.Mode, "mode", ImportMode.AllOrNothing);
        var key = IdempotencyKey(request.IdempotencyKey, context);
        // Checking alone stores nothing, so it needs no key.
        if (key.Length == 0 && request.ValidateOnly)
            key = Guid.NewGuid().ToString();
        var import = imports.Get(IReadingImportGrain.KeyOf(CallerContext.Current.OrganisationId, key));
        var (rows, unreadable, count, _, _) = ReadingCsv.Read(request.Csv);
        if (count == 0)
            throw new InvalidFieldException("csv", "holds no readings, only a header");

        var result = await import.Import(new ReadingImportRequest(ValueList.Of(rows), ValueList.Of(unreadable), count, mode, request.ValidateOnly));
        if (mode == ImportMode.AllOrNothing && !request.ValidateOnly && !result.Stored && result.Rejections.Count > 0)
        {
            throw new InvalidFieldException(result.Rejections.Take(MaxListedRejections)
                .Select(r => new FieldViolation($"rows[{r.Row}].{r.Column}", r.Reason)).ToList());
        }
        return result.ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.ReadingsTemplate> GetReadingsTemplate(Proto.GetReadingsTemplateRequest request, ServerCallContext context)
    {
        if (request.PilotId.Length > 0)
        {
            var pilot = await pilots.Get(Field.Id(request.PilotId, "pilot_id")).Get();
            var frequency = pilot.Definition.Frequency;
            var current = ReportingPeriod.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), frequency);
            var lastClosed = ReportingPeriod.Containing(current.Start.AddDays(-1), frequency);
            return new() { Csv = ReadingCsv.Template(pilot, lastClosed), FileName = $"{pilot.PilotId}-readings-{lastClosed}.csv" };
        }
        if (request.Kind == Proto.PilotKind.Unspecified)
            throw new InvalidFieldException("pilot_id", "name a pilot, or a pilot kind in 'kind'");
        var kind = CommonMapping.ToDomain<PilotKind>((int)request.Kind, "kind");
        var profile = PilotKinds.Of(kind);
        var templates = profile.Entered(profile.KpiTemplates);
        var name = kind.ToString().ToLowerInvariant();
        return new() { Csv = ReadingCsv.Template("your-pilot-id", "YYYY-MM", templates), FileName = $"{name}-readings-template.csv" };
    }

    private static string IdempotencyKey(string inBody, ServerCallContext context) =>
        inBody.Length > 0 ? inBody : context.RequestHeaders.GetValue(IdempotencyHeader) ?? "";
}
