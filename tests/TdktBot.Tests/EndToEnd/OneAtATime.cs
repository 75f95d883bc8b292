namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests run one at a time: each starts a whole bot and a web server, and the pacing test measures
/// real send rates, which a neighbour competing for two cores would only make slower and noisier.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneAtATime
{
    public const string Name = "End to end";
}
