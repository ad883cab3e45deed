namespace Cooperation.Silo.DueDates;

/// <summary>When due-date reminders fire (configuration section "DueDates").</summary>
internal sealed class DueDateOptions
{
    /// <summary>Shortest wait before a reminder fires, e.g. for items already past due.</summary>
    public TimeSpan MinimumDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Period after the first firing, should the grain not reschedule it (it normally does).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// The reminder that finds overdue milestones and commitments even when nobody reads them. It is
/// set to fire when the next watched item becomes overdue (the start of the day after its due
/// day, in its city) and removed when nothing is left to watch, so idle grains are not woken for
/// nothing. One per grain; the grain reschedules it after every change and every firing.
/// </summary>
internal sealed class DueDateReminder(DueDateOptions options, TimeProvider clock)
{
    /// <summary>The reminder's name.</summary>
    public const string Name = "due-dates";

    // What this activation last scheduled: a repeat of the same is skipped. Unknown (null) after
    // activation, or after a failed registration, so the next sync writes it again.
    private (DateTimeOffset? Next, bool Known) _scheduled;

    /// <summary>Makes the grain's reminder fire at <paramref name="next"/>, or removes it when null.</summary>
    public async Task SyncAsync(Grain grain, DateTimeOffset? next)
    {
        if (_scheduled.Known && _scheduled.Next == next)
            return;
        _scheduled = default;
        if (next is { } at)
        {
            var due = at - clock.GetUtcNow();
            await grain.RegisterOrUpdateReminder(Name, due > options.MinimumDelay ? due : options.MinimumDelay, options.Period);
        }
        else if (await grain.GetReminder(Name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        _scheduled = (next, true);
    }
}
