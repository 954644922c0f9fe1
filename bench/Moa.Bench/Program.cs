using BenchmarkDotNet.Running;

// Stage micro-benchmarks: dotnet run -c Release --project bench/Moa.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder for BenchmarkDotNet.</summary>
public partial class Program;
