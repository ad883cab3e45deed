using Cooperation.Contracts.Hosting;
using Cooperation.Gateway.Access;
using Cooperation.Gateway.Demo;
using Cooperation.Gateway.Hosting;
using Cooperation.ServiceDefaults;

if (CredentialCommand.IsRequested(args))
    return await CredentialCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddClusterClient();
builder.AddClusterDashboard();
builder.Services.AddCooperationApi(builder.Configuration);
if (builder.Configuration.GetValue<bool>("Demo:Load"))
{
    builder.Services.AddSingleton<DemoCredentials>();
    builder.Services.AddSingleton<DemoPeople>();
    builder.Services.AddHostedService<DemoScenarioLoader>();
}

var app = builder.Build();
app.UseCooperationApi();
app.MapClusterDashboard();
app.MapServiceDefaults();
await app.RunAsync();
return 0;
