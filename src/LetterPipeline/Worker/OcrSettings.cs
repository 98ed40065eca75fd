using LetterPipeline.Core.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Worker;

[OptionsValidator]
internal sealed partial class OcrOptionsValidator : IValidateOptions<OcrOptions>;

/// <summary>OCR switched on must have its tools and languages installed: found at start, not on the first scan.</summary>
internal sealed class OcrToolsValidator : IValidateOptions<OcrOptions>
{
    public ValidateOptionsResult Validate(string? name, OcrOptions options) =>
        OcrTools.Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>The <c>Ocr</c> section, for the worker's host and for the commands that convert without one.</summary>
internal static class OcrSettings
{
    public static IServiceCollection AddOcr(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<OcrOptions, OcrOptionsValidator>().BindConfiguration(OcrOptions.SectionName);
        services.AddSingleton<IValidateOptions<OcrOptions>, OcrToolsValidator>();
        return services;
    }

    /// <summary>
    /// The <c>Ocr</c> section as <c>convert</c> sees it: appsettings.json beside the program, then environment
    /// variables (<c>Ocr__Enabled=false</c>). Null with the problems when it is not valid.
    /// </summary>
    public static OcrOptions? Load(out IReadOnlyList<string> problems)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new OcrOptions();
        try
        {
            configuration.GetSection(OcrOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            problems = [ex.Message];
            return null;
        }

        var result = new OcrOptionsValidator().Validate(null, options);
        problems = result.Failed ? [.. result.Failures] : OcrTools.Problems(options);
        return problems.Count == 0 ? options : null;
    }
}
