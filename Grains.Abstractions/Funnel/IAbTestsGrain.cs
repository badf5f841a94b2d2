using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// A property's A/B tests of the booking page (keyed like the property). One test runs at a time, so
/// every visit's counts belong to one variant and a test's figures are not mixed with another's.
/// </summary>
[Alias("IAbTestsGrain")]
public interface IAbTestsGrain : IGrainWithStringKey
{
    /// <summary>Defines a test (a draft until started).</summary>
    Task<AbTestView> Define(NewAbTest test);

    /// <summary>Every test, oldest first.</summary>
    Task<IReadOnlyList<AbTestView>> List();

    /// <summary>One test, or not-found.</summary>
    Task<AbTestView> Get(string testId);

    /// <summary>Starts a draft; refused for a stopped test or while another runs.</summary>
    Task<AbTestView> Start(string testId);

    /// <summary>Stops a running test for good (stopping a stopped one changes nothing).</summary>
    Task<AbTestView> Stop(string testId);

    /// <summary>Deals a variant of the running test to a new visit, in the shares of the weights; none when no test runs.</summary>
    Task<IReadOnlyList<VariantShown>> Assign();
}
