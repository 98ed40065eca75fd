using System.Globalization;

namespace LetterPipeline.Storage;

/// <summary>
/// The lease SQL, written once for both databases: a lease is taken by an upsert that only succeeds on a row that
/// is free or expired, so two nodes racing for one document cannot both win.
/// </summary>
internal sealed class AdoClusterStore(StoreDatabase database) : IClusterStore
{
    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(ClusterMigrations.Schema, cancellationToken);

    /// <summary>The statement that frees the leases a starting node (<c>@node</c>) may take as left behind by a dead process.</summary>
    private string FreeLeftBehindSql => database.IsShared
        // Another node may hold leases of its own: a starting node frees only what an earlier process under its id left.
        ? "UPDATE document_claims SET lease_until = NULL WHERE lease_until IS NOT NULL AND node = @node;"
        // One worker per SQLite ledger: whatever is still leased when it starts was left by a process that is gone.
        : "UPDATE document_claims SET lease_until = NULL WHERE lease_until IS NOT NULL;";

    public async Task StartNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, """
            INSERT INTO cluster_nodes (node, started_at, last_seen) VALUES (@node, @now, @now)
            ON CONFLICT (node) DO UPDATE SET started_at = excluded.started_at, last_seen = excluded.last_seen, stopped_at = NULL;
            """, cancellationToken, ("@node", node), ("@now", database.TimeValue(now)));
        await SqlCommands.ExecuteAsync(connection, null, FreeLeftBehindSql, cancellationToken, ("@node", node));
    }

    public async Task<bool> TryLeaseAsync(DocumentKey key, string node, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The conflict branch updates only a released or expired lease; otherwise it changes no row and the lease stays with its holder.
        return await SqlCommands.ExecuteAsync(connection, null, """
            INSERT INTO document_claims (sha256, pipeline_version, node, lease_until) VALUES (@sha, @version, @node, @until)
            ON CONFLICT (sha256, pipeline_version) DO UPDATE SET node = excluded.node, lease_until = excluded.lease_until
            WHERE document_claims.lease_until IS NULL OR document_claims.lease_until < @now;
            """, cancellationToken,
            ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@node", node), ("@until", database.TimeValue(now + leaseTime)), ("@now", database.TimeValue(now))) == 1;
    }

    public async Task<bool> ReleaseAsync(DocumentKey key, string node, DocumentStatus? finished, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string Held = "WHERE sha256 = @sha AND pipeline_version = @version AND node = @node AND lease_until IS NOT NULL;";
        (string, object?)[] key3 = [("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@node", node)];
        var released = finished is { } status
            ? await SqlCommands.ExecuteAsync(connection, null, $"UPDATE document_claims SET lease_until = NULL, finished_by = @node, finished_status = @status, finished_at = @now {Held}",
                cancellationToken, [.. key3, ("@status", StatusText(status)), ("@now", database.TimeValue(now))])
            : await SqlCommands.ExecuteAsync(connection, null, $"UPDATE document_claims SET lease_until = NULL {Held}", cancellationToken, key3);
        return released == 1;
    }

    public async Task HeartbeatAsync(string node, IReadOnlyCollection<DocumentKey> held, DateTimeOffset now, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, """
            INSERT INTO cluster_nodes (node, started_at, last_seen) VALUES (@node, @now, @now)
            ON CONFLICT (node) DO UPDATE SET last_seen = excluded.last_seen;
            """, cancellationToken, ("@node", node), ("@now", database.TimeValue(now)));
        // A handful of keys (at most the node's parallelism): one short statement each. A released lease stays released.
        foreach (var key in held)
        {
            await SqlCommands.ExecuteAsync(connection, null, """
                UPDATE document_claims SET lease_until = @until
                WHERE sha256 = @sha AND pipeline_version = @version AND node = @node AND lease_until IS NOT NULL;
                """, cancellationToken, ("@sha", key.Sha256), ("@version", key.PipelineVersion), ("@node", node), ("@until", database.TimeValue(now + leaseTime)));
        }
    }

    public async Task StopNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, "UPDATE cluster_nodes SET stopped_at = @now, last_seen = @now WHERE node = @node;", cancellationToken,
            ("@node", node), ("@now", database.TimeValue(now)));
    }

    public async Task<ClusterStatus> StatusAsync(DateTimeOffset now, TimeSpan aliveWithin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var query = SqlCommands.Command(connection, null, "SELECT status, COUNT(*) FROM documents GROUP BY status;"))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var nodes = new SortedDictionary<string, NodeStatus>(StringComparer.Ordinal);
        await using (var query = SqlCommands.Command(connection, null, """
            SELECT n.node, n.last_seen,
                   (SELECT COUNT(*) FROM document_claims c WHERE c.finished_by = n.node AND c.finished_status = 'converted'),
                   (SELECT COUNT(*) FROM document_claims c WHERE c.finished_by = n.node AND c.finished_status = 'failed'),
                   n.stopped_at
            FROM cluster_nodes n;
            """))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var lastSeen = database.ReadTime(reader, 1);
                var node = new NodeStatus(
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                    lastSeen,
                    Alive: reader.IsDBNull(4) && lastSeen >= now - aliveWithin);
                // A process that stopped or died without finishing anything is no part of the cluster's story.
                if (node.Alive || node.Processed + node.Failed > 0)
                {
                    nodes[reader.GetString(0)] = node;
                }
            }
        }

        var (warnings, withWarnings) = (0, 0);
        await using (var query = SqlCommands.Command(connection, null, """
            SELECT COALESCE(SUM(warnings), 0), COALESCE(SUM(CASE WHEN warnings > 0 THEN 1 ELSE 0 END), 0) FROM documents WHERE status = @status;
            """, ("@status", DocumentStatusText.Converted)))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                (warnings, withWarnings) = (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
        }

        return new ClusterStatus(counts.GetValueOrDefault(DocumentStatusText.Converted), counts.GetValueOrDefault(DocumentStatusText.Failed),
            counts.GetValueOrDefault(DocumentStatusText.InProgress), nodes, warnings, withWarnings)
        {
            FailedFiles = await ProblemsAsync(connection, "status = @status", DocumentStatus.Failed, cancellationToken),
            Retrying = await ProblemsAsync(connection, "status = @status AND code IS NOT NULL", DocumentStatus.InProgress, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<DocumentProblem>> ProblemsAsync(System.Data.Common.DbConnection connection, string where, DocumentStatus status,
        CancellationToken cancellationToken)
    {
        await using var query = SqlCommands.Command(connection, null,
            $"SELECT file, code, message, COALESCE(completed_at, claimed_at) FROM documents WHERE {where} ORDER BY {database.Ordinal("file")};",
            ("@status", DocumentStatusText.Of(status)));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var problems = new List<DocumentProblem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            problems.Add(new DocumentProblem(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                database.ReadTime(reader, 3)));
        }

        return problems;
    }

    private static string StatusText(DocumentStatus status) => status is DocumentStatus.Converted or DocumentStatus.Failed
        ? DocumentStatusText.Of(status)
        : throw new ArgumentOutOfRangeException(nameof(status), status, "Only a finished document is recorded as a node's work.");
}
