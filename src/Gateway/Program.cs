using Cooperation.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClusterClient();
builder.Services.AddCooperationApi();

var app = builder.Build();
app.MapCooperationApi();
app.Run();
