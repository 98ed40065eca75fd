using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LetterPipeline.Core;

namespace LetterPipeline.Isolation;

/// <summary>
/// <c>letterpipe child</c> (hidden): converts the documents its parent sends, one JSON line in, one JSON line out,
/// until standard input closes. Runs in its own process so a PDF that hangs, exhausts memory or overflows the
/// stack takes down only this process.
/// </summary>
internal static class ChildCommand
{
    public const string Name = "child";

    /// <summary>The first line a child writes, so a document's time limit does not include the child's start-up.</summary>
    public const string ReadyLine = "ready";

    // Beyond the parent's own deadline: if the parent died (kill -9) while this child was stuck in a document,
    // nobody will kill the child, so it ends itself.
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var command = new Command(Name, "Internal: conversion worker process speaking JSON lines on stdin/stdout.") { Hidden = true };
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };

        // Stdout carries the protocol; anything else a library prints goes to stderr.
        Console.SetOut(Console.Error);
        output.WriteLine(ReadyLine);

        while (input.ReadLine() is { } line)
        {
            var request = JsonSerializer.Deserialize(line, ChildProtocol.Default.ChildRequest)
                ?? throw new InvalidDataException("Empty request.");
            var outcome = ConvertGuarded(request, out var mustExit);
            output.WriteLine(JsonSerializer.Serialize(ChildReply.From(outcome, mustExit), ChildProtocol.Default.ChildReply));
            if (mustExit)
            {
                return 3;
            }
        }

        return 0;
    }

    private static ConversionOutcome ConvertGuarded(ChildRequest request, out bool mustExit)
    {
        mustExit = false;
        var clock = Stopwatch.StartNew();
        using var watchdog = new Timer(
            _ => Process.GetCurrentProcess().Kill(),
            null,
            TimeSpan.FromMilliseconds(request.TimeoutMs) + WatchdogGrace,
            Timeout.InfiniteTimeSpan);
        try
        {
            var converter = new LetterConverter(OutputFormats.Writers(request.Formats), request.Durability);
            // Stops the external tools (qpdf, OCR) at the document's limit: the watchdog ends only this process.
            using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(request.TimeoutMs));
            return converter.Convert(request.Input, request.OutputStem, new LetterPdfOptions { Ocr = request.Ocr, CancellationToken = deadline.Token });
        }
        catch (OutOfMemoryException)
        {
            // The heap may be in any state now: answer, then let the parent start a fresh child.
            mustExit = true;
            return ConversionOutcome.Failure(request.Input, FailureCode.TooLarge,
                "The document needs more memory than the converter's limit per document.", "parse", clock.ElapsedMilliseconds);
        }
#pragma warning disable CA1031 // A parser bug on one hostile file must become that file's failure, not end the batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ConversionOutcome.Failure(request.Input, FailureCode.Crashed,
                $"The converter failed unexpectedly: {ex.GetType().Name}: {ex.Message}", "parse", clock.ElapsedMilliseconds);
        }
    }
}
