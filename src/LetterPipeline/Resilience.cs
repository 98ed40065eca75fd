using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;

namespace LetterPipeline;

/// <summary>The one resilience pipeline: retries transient I/O (file locked, share gone for a moment, database busy).</summary>
internal static class Resilience
{
    public const string Io = "io";

    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the write lock.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static IServiceCollection AddLetterResilience(this IServiceCollection services) =>
        services.AddResiliencePipeline(Io, pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            // Never a parse error: conversion runs in a child process and reports failures as values, not exceptions.
            ShouldHandle = new PredicateBuilder()
                .Handle<IOException>(IsTransient)
                .Handle<SqliteException>(ex => ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
                .Handle<Npgsql.NpgsqlException>(ex => ex.IsTransient),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(200),
        }));

    // A missing file or folder will still be missing on the next attempt.
    private static bool IsTransient(IOException ex) => ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException);
}
