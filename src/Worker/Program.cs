using Cooperation.Contracts.Hosting;
using Cooperation.Reports;
using Cooperation.Worker.Reactions;

// The worker: an Orleans client running the jobs and the reactions to committed events, with a
// health endpoint for whoever supervises it.
var builder = WebApplication.CreateBuilder(args);
builder.AddClusterClient();
builder.Services.AddCooperationReports(builder.Configuration);
builder.Services.AddReportJobs(builder.Configuration);
builder.Services.AddEventReactions(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans");

var app = builder.Build();
app.MapHealthChecks("/healthz");
await app.RunAsync();
