using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Jcm;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Jcm;

/// <summary>JCM plans and monitoring results between the wire and the domain.</summary>
internal static class JcmMapping
{
    /// <summary>A wire plan to the domain.</summary>
    public static JcmMonitoringPlan ToDomain(this Proto.SetJcmPlanRequest request) => new(
        request.MethodologyId.Trim(),
        request.MethodologyVersion.Trim(),
        request.Parameters.Select((p, i) => new MonitoredParameter(
            p.Code, p.Unit.Trim(),
            CommonMapping.ToDomain<MonitoringOption>((int)p.Option, $"parameters[{i}].option"),
            p.MeterId.Trim().OrNull(),
            Field.OptionalDate(p.CalibrationDate, $"parameters[{i}].calibration_date"))).ToArray(),
        request.Factors.Select(f => new FixedFactor(f.Code, f.Value, f.Unit.Trim(), f.Source.Trim().OrNull(), f.Year == 0 ? null : f.Year)).ToArray(),
        request.CreditShares.Select((s, i) => new CreditShare(s.Party.Trim(), Percent(s.Percent, $"credit_shares[{i}].percent"),
            CommonMapping.ToDomain<CreditHolder>((int)s.Holder, $"credit_shares[{i}].holder"))).ToArray(),
        CommonMapping.ToDomain<CreditRounding>((int)request.CreditRounding, "credit_rounding"));

    /// <summary>A wire monitoring period to the domain.</summary>
    public static MonitoringPeriodInput ToDomain(this Proto.RecordMonitoringPeriodRequest request) => new(
        request.PeriodId,
        Field.Date(request.Start, "start"),
        Field.Date(request.End, "end"),
        request.Values.Select(v => new MonitoredValue(v.Code, v.Value)).ToArray());

    /// <summary>A pilot's monitoring as the API returns it.</summary>
    public static Proto.JcmMonitoring ToProto(this JcmView view, string pilotId)
    {
        var wire = new Proto.JcmMonitoring
        {
            PilotId = pilotId,
            Periods = { view.Periods.Select(ToProto) },
            TotalReductions = Tonnes(view.TotalReductions),
            TotalCredits = view.TotalCredits,
            VerifierOrganisationId = view.VerifierOrganisationId ?? "",
            Verifications =
            {
                view.Verifications.Select(v => new Proto.MonitoringVerification
                {
                    PeriodId = v.PeriodId,
                    Status = CommonMapping.ToProto<Proto.ReviewStatus>(v.Status),
                    DecidedAt = v.DecidedAt.ToWire(),
                    DecidedBy = v.DecidedBy ?? "",
                    Comment = v.Comment ?? "",
                }),
            },
            VerifiedReductions = Tonnes(view.VerifiedReductions),
            VerifiedCredits = view.VerifiedCredits,
            AllocatedCredits = { view.Allocated.Select(ToProto) },
            VerifiedAllocatedCredits = { view.VerifiedAllocated.Select(ToProto) },
        };
        if (view.Plan is { } plan)
        {
            wire.MethodologyId = plan.MethodologyId;
            wire.MethodologyVersion = plan.MethodologyVersion;
            wire.Parameters.AddRange(plan.Parameters.Select(p => new Proto.MonitoredParameter
            {
                Code = p.Code,
                Unit = p.Unit,
                Option = CommonMapping.ToProto<Proto.MonitoringOption>(p.Option),
                MeterId = p.MeterId ?? "",
                CalibrationDate = p.CalibrationDate.ToWire(),
            }));
            wire.Factors.AddRange(plan.Factors.Select(f => new Proto.FixedFactor
            {
                Code = f.Code, Value = f.Value, Unit = f.Unit, Source = f.Source ?? "", Year = f.Year ?? 0,
            }));
            wire.CreditShares.AddRange(plan.CreditShares.Select(s => new Proto.CreditShare
            {
                Party = s.Party, Percent = s.Percent.ToWire(), Holder = CommonMapping.ToProto<Proto.CreditHolder>(s.Holder),
            }));
            // Plans set before rounding rules were recorded carry none.
            if (Field.IsChoice(plan.Rounding))
                wire.CreditRounding = CommonMapping.ToProto<Proto.CreditRounding>(plan.Rounding);
        }
        return wire;
    }

    /// <summary>A monitoring result as the API returns it.</summary>
    public static Proto.MonitoringResult ToProto(this MonitoringResult result) => new()
    {
        PeriodId = result.Input.PeriodId,
        Start = Field.Format(result.Input.Start),
        End = Field.Format(result.Input.End),
        Values = { result.Input.Values.Select(v => new Proto.MonitoredValue { Code = v.Code, Value = v.Value }) },
        ReferenceEmissions = Tonnes(result.ReferenceEmissions),
        ProjectEmissions = Tonnes(result.ProjectEmissions),
        EmissionReductions = Tonnes(result.EmissionReductions),
        Credits = result.Credits,
        Allocations = { result.Allocations.Select(ToProto) },
        Warnings = { result.Warnings },
        KpiPeriod = result.KpiPeriod.ToString(),
    };

    /// <summary>A holder's credits as the API returns them.</summary>
    public static Proto.CreditAllocation ToProto(this CreditAllocation allocation) => new()
    {
        Party = allocation.Party,
        Credits = allocation.Credits,
        Holder = CommonMapping.ToProto<Proto.CreditHolder>(allocation.Holder),
    };

    /// <summary>Exact tonnes as the wire's double, to the gram.</summary>
    private static double Tonnes(decimal tonnes) => (double)decimal.Round(tonnes, 6);

    private static decimal Percent(string text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            ? percent
            : throw new InvalidFieldException(field, "must be a decimal number such as \"50\" or \"33.5\"");
}
