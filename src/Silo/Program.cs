using Cooperation.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Cooperation.Silo.Hosting;

// A silo, with a management endpoint of its own (health, metrics) beside its Orleans ports.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCooperationSilo();
var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
