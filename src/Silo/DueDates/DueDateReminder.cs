namespace Cooperation.Silo.DueDates;

/// <summary>How often grains with due dates check them (configuration section "DueDates").</summary>
public sealed class DueDateOptions
{
    /// <summary>Period of the check; reminders cannot tick more often than once a minute in production.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The reminder that finds overdue milestones and commitments even when nobody reads them:
/// registered while a grain has open dated items, unregistered when it has none, so idle
/// grains are not woken for nothing.
/// </summary>
public static class DueDateReminder
{
    /// <summary>The reminder's name.</summary>
    public const string Name = "due-dates";

    private static readonly TimeSpan FirstCheck = TimeSpan.FromMinutes(1);

    /// <summary>Registers or unregisters the grain's reminder as <paramref name="needed"/> says.</summary>
    public static async Task SyncAsync(this Grain grain, bool needed, TimeSpan period)
    {
        var reminder = await grain.GetReminder(Name);
        // The first check comes soon (within a minute), later ones every period.
        if (needed && reminder is null)
            await grain.RegisterOrUpdateReminder(Name, period < FirstCheck ? period : FirstCheck, period);
        else if (!needed && reminder is not null)
            await grain.UnregisterReminder(reminder);
    }
}
