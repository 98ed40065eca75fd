using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Quartz;

namespace LetterPipeline.Worker;

/// <summary>
/// One inbox file, as a unit of work the cluster hands to one node. It asks for recovery: when its node dies
/// mid-document, Quartz fires it again on another node, which takes the document's lease once it has expired.
/// </summary>
internal sealed class ConvertDocumentJob(InboxProcessor inbox, IOptions<PipelineOptions> options) : IJob
{
    public const string Group = "documents";

    private const string FileKey = "file";

    /// <summary>The job for the inbox file at <paramref name="relative"/>; its key is a hash of the path, which may be longer than a key.</summary>
    public static IJobDetail Describe(string relative) =>
        JobBuilder.Create<ConvertDocumentJob>()
            .WithIdentity(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relative)))[..32], Group)
            .WithDescription(relative)
            .UsingJobData(FileKey, relative)
            .RequestRecovery()
            .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var relative = context.MergedJobDataMap.GetString(FileKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} names no file.");
        string path;
        try
        {
            path = OutputNames.Inside(options.Value.Inbox, relative);
        }
        catch (OutputNameException)
        {
            // A job naming a file outside the inbox is no work of the scan's: nothing outside the inbox is touched.
            return;
        }

        await inbox.ProcessOneAsync(new InboxFile(path, relative), cancellationToken);
    }
}
