using Participation.Api;
using Participation.Bench.Host;

// The API's own entry, with the baselines mapped beside it (.ci/bench.sh starts this instead of the API).
return await ApiHost.RunAsync(args, app => app.MapBaselineEndpoints());
