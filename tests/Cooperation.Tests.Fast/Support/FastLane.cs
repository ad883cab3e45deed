using System.Runtime.CompilerServices;

namespace Cooperation.Tests.Support;

/// <summary>Marks this test process as the fast lane before any of its tests runs (see <see cref="TestLane"/>).</summary>
internal static class FastLane
{
    [ModuleInitializer]
    internal static void Enter() => TestLane.EnterFast();
}
