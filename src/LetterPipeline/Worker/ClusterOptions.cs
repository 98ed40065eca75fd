using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

/// <summary>The <c>Cluster</c> section: who this node is and how soon the others take over its work when it dies.</summary>
internal sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// Unique per running process in the cluster: it names this node's leases, its Quartz scheduler instance and its
    /// line in <c>letterpipe status</c>. Default: host name and process id.
    /// </summary>
    [Required, MaxLength(200), Description("Names this process's leases and its line in 'status'; unique per running process (default on Postgres: host name and process id)")]
    [DefaultValue("host name")]
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// How long a document stays claimed after this node was last heard from. The node renews its leases three
    /// times per lease time; when it dies, its documents and Quartz jobs pass to another node after about this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00"), Description("A dead node's documents pass to another after about this long, 3s to 1h")]
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle node asks the database for documents other nodes have queued (Quartz's idle wait, at least 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00"), Description("How often an idle node looks for queued documents, 1s to 10m")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan HeartbeatInterval => LeaseTime / 3;
}

[OptionsValidator]
internal sealed partial class ClusterOptionsValidator : IValidateOptions<ClusterOptions>;
