using Cooperation.Contracts.Hosting;
using Cooperation.Reports;
using Cooperation.ServiceDefaults;
using Cooperation.Worker.Reactions;

// The worker: an Orleans client running the jobs and the reactions to committed events, with a
// management endpoint (health, metrics) for whoever supervises it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddClusterClient();
builder.Services.AddCooperationReports(builder.Configuration);
builder.Services.AddReportJobs(builder.Configuration);
builder.Services.AddEventReactions(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans");

var app = builder.Build();
// Its one endpoint serves only health and metrics: it is its management endpoint.
app.MapServiceDefaults(managementEndpoint: "Http");
await app.RunAsync();
