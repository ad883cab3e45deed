using Cooperation.Web.Pages.Home;
using Cooperation.Web.Reading;

namespace Cooperation.Web.Pages.Reviews;

/// <summary>
/// A city office's review inbox (<c>/reviews</c>) across the partnerships it may read: periods
/// submitted and awaiting review (oldest first), returned ones waiting on the partner, missing
/// ones. Read as the person: the pilots listed are those the entity directory says it may read.
/// </summary>
public sealed class IndexModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>The inbox.</summary>
    internal ReviewInbox Inbox { get; private set; } = new([], [], []);

    /// <summary>The time zone of the person's city, in which the inbox's dates are read (UTC without a city).</summary>
    public string? TimeZone { get; private set; }

    /// <summary>Reads the pilots the person may read, and their reporting.</summary>
    public async Task OnGetAsync()
    {
        var city = string.IsNullOrEmpty(Caller.CityId) ? null : Records.CityAsync(Caller.CityId);
        Inbox = ReviewInbox.Of(await HomeSources.ReportingAsync(Grains));
        TimeZone = city is null ? null : (await city).TimeZone;
        await NameOrganisationsAsync(Inbox.Awaiting.Concat(Inbox.Returned).Select(r => r.Period.Review.LastSubmittedBy).OfType<string>());
    }
}
