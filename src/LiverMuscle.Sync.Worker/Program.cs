using System.CommandLine;
using LiverMuscle.Sync.Worker.Cli;
using Microsoft.Extensions.Options;

try
{
    return await LiverMuscleCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OptionsValidationException invalid)
{
    await Console.Error.WriteLineAsync("Configuration error: " + string.Join(Environment.NewLine + "  ", invalid.Failures));
    return 2;
}
catch (UsageException usage)
{
    await Console.Error.WriteLineAsync(usage.Message);
    return 2;
}
