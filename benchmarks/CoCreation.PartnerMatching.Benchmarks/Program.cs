using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// benchmarks/matching.sh runs both benchmark classes; pass BenchmarkDotNet arguments to choose (--filter '*Naive*').
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.P95)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CoCreation.PartnerMatching.Benchmarks.MatchingIndexBenchmark).Assembly).Run(args.Length > 0 ? args : ["--filter", "*"], config);
