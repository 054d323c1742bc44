using Tarn.Load.Baselines;

namespace Tarn.Load.Scenarios;

/// <summary>One scenario as the command line knows it: name, defaults at normal and smoke size, natural baselines, factory.</summary>
internal sealed record ScenarioDescriptor(
    string Name,
    string Description,
    ScenarioSizes Normal,
    ScenarioSizes Smoke,
    IReadOnlyList<BaselineKind> Baselines,
    Func<ScenarioContext, ApiScenario> Create);
