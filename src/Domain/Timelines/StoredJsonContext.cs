using System.Text.Json.Serialization;
using Netvaerk.Domain.Ideas;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;

namespace Netvaerk.Domain.Timelines;

/// <summary>
/// Compile-time metadata for the documents the stores read and write on every step, so (de)serialising them skips
/// reflection. The shape of the JSON is unchanged: <see cref="TimelineJson.Options"/> still decides names and enums.
/// </summary>
[JsonSerializable(typeof(TimelineState))]
[JsonSerializable(typeof(IReadOnlyList<StepDone>))]
[JsonSerializable(typeof(TimelineChange))]
[JsonSerializable(typeof(Network))]
[JsonSerializable(typeof(Idea))]
[JsonSerializable(typeof(Survey))]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(OutboxMessage))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
