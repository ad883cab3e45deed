using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Cooperation.Tests.Api;

/// <summary>The demo's people: one per demo key, written to the users file with passwords that sign in, run after run.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoPeopleTests(ApiFixture api)
{
    [Fact]
    public async Task The_users_file_holds_a_working_sign_in_per_demo_key_and_a_later_run_keeps_it_working()
    {
        await DemoScenario.LoadAsync(DemoActorsFor.Api(api));
        var file = Path.Combine(Path.GetTempPath(), $"{Ids.New("demo-users")}.env");
        var people = new DemoPeople(api.Cluster.Client, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:UsersFile"] = file }).Build());
        try
        {
            await LoadAsync(people);
            var first = await EnvFile.ReadAsync(file);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(DemoCredentials.Identities.Select(i => i.Name.Replace("_KEY", "")).Order(),
                first.Keys.Where(k => k.EndsWith("_EMAIL")).Select(k => k[..^"_EMAIL".Length]).Order());
            foreach (var (name, organisationId, role, _) in DemoCredentials.Identities)
            {
                var prefix = name.Replace("_KEY", "");
                var session = await SignInAsync(first[prefix + "_EMAIL"], first[prefix + "_PASSWORD"]);
                Assert.True(first[prefix + "_PASSWORD"].Length >= 16);
                Assert.Equal((organisationId, role), (session.Caller.OrganisationId, session.Caller.Role));
            }
            Assert.Equal(ReportLanguage.Vi, (await SignInAsync(first["HP_DOFA_EMAIL"], first["HP_DOFA_PASSWORD"])).Language);
            Assert.Equal(ReportLanguage.Ja, (await SignInAsync(first["KITAKYUSHU_EMAIL"], first["KITAKYUSHU_PASSWORD"])).Language);
            Assert.Equal(ReportLanguage.Ja, (await SignInAsync(first["MOEJ_EMAIL"], first["MOEJ_PASSWORD"])).Language);
            Assert.Equal(ReportLanguage.En, (await SignInAsync(first["ADMIN_EMAIL"], first["ADMIN_PASSWORD"])).Language);

            // A later run on the same data keeps passwords that still sign in...
            await LoadAsync(people);
            Assert.Equal(first, await EnvFile.ReadAsync(file));

            // ...and replaces one that no longer does (the file was lost or edited), through a reset link.
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(first["MOEJ_PASSWORD"], "not-the-password-any-more"));
            await LoadAsync(people);
            var third = await EnvFile.ReadAsync(file);
            Assert.NotEqual(first["MOEJ_PASSWORD"], third["MOEJ_PASSWORD"]);
            Assert.Equal(first["HP_DOFA_PASSWORD"], third["HP_DOFA_PASSWORD"]);
            await SignInAsync(third["MOEJ_EMAIL"], third["MOEJ_PASSWORD"]);
            var account = api.Cluster.Client.GetGrain<IAccountGrain>((await Directory.Find(third["MOEJ_EMAIL"]))!);
            Assert.Equal(SignInOutcome.Refused, (await account.SignIn(first["MOEJ_PASSWORD"])).Outcome);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private IAccountDirectoryGrain Directory => api.Cluster.Client.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    private static async Task LoadAsync(DemoPeople people) => await people.WriteAsync(await people.EnsureAsync(await people.ReadAsync()));

    private async Task<PersonSession> SignInAsync(string email, string password)
    {
        var accountId = await Directory.Find(email);
        Assert.NotNull(accountId);
        var result = await api.Cluster.Client.GetGrain<IAccountGrain>(accountId).SignIn(password);
        Assert.Equal(SignInOutcome.SignedIn, result.Outcome);
        return result.Session!;
    }
}
