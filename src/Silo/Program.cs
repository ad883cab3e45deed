using Cooperation.Silo.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCooperationSilo();
await builder.Build().RunAsync();
