using Cooperation.Contracts.Hosting;
using Cooperation.ServiceDefaults;
using Cooperation.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
// wwwroot from the build output's manifest too (run.sh starts the built dll outside Development).
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddClusterClient();
builder.Services.AddCooperationWeb(builder.Configuration);

var app = builder.Build();
app.UseCooperationWeb();
app.MapServiceDefaults();
await app.RunAsync();

/// <summary>The web host's entry point (named for the tests' factories).</summary>
public partial class Program;
