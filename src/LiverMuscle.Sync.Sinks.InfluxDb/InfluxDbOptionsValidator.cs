using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Sinks.InfluxDb;

/// <summary>The attribute rules of <see cref="InfluxDbOptions"/>, then the credentials each API flavour needs. <c>name</c> is the section's key.</summary>
internal sealed class InfluxDbOptionsValidator : IValidateOptions<InfluxDbOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxDbOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        result.AddResult(new InfluxDbOptionsAttributes().Validate(name, options));
        if (options.ApiFlavor != InfluxApiFlavor.V1 && string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.Password))
        {
            result.AddError($"{name}:Token is required with {name}:ApiFlavor {options.ApiFlavor}.");
        }

        return result.Build();
    }
}
