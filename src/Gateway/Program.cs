using Cooperation.Gateway.Demo;
using Cooperation.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClusterClient();
builder.Services.AddCooperationApi();
if (builder.Configuration.GetValue<bool>("Demo:Load"))
    builder.Services.AddHostedService<DemoScenarioLoader>();

var app = builder.Build();
app.MapCooperationApi();
app.Run();
