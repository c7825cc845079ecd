using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>How the configuration binder sees a type: a single value, a dictionary, a list, or settings by property.</summary>
internal static class SettingTypes
{
    /// <summary>A type the binder converts from one string, as it does: through the type's <see cref="TypeConverter"/>.</summary>
    public static bool IsScalar(Type type) =>
        type == typeof(byte[]) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    public static bool TryConvert(Type type, string value)
    {
        if (type == typeof(byte[]))
        {
            return Convert.TryFromBase64String(value, new byte[value.Length], out _);
        }

        try
        {
            var converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return !type.IsEnum || type.IsDefined(typeof(FlagsAttribute)) || Enum.IsDefined(type, converted!);
        }
        catch (Exception)
        {
            // Whatever the converter throws, the binder turns into a failed binding.
            return false;
        }
    }

    public static string Expectation(Type type) => type switch
    {
        _ when type == typeof(bool) => "must be true or false",
        _ when type == typeof(TimeSpan) => "must be a duration as [d.]hh:mm[:ss] (e.g. 00:15:00, 7.00:00:00)",
        _ when type == typeof(DateOnly) => "must be a date as yyyy-MM-dd",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "must be a date and time in ISO 8601 (e.g. 2026-01-31T08:00:00Z)",
        _ when type == typeof(TimeOnly) => "must be a time of day as hh:mm[:ss]",
        _ when type.IsEnum => $"must be one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
               || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte) => "must be a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "must be a number (e.g. 1.5)",
        _ when type == typeof(Uri) => "must be a URL",
        _ when type == typeof(byte[]) => "must be base64",
        _ => $"must be a {type.Name}",
    };

    /// <summary>Key and value types when the binder fills <paramref name="type"/> as a dictionary.</summary>
    public static (Type Key, Type Value)? DictionaryOf(Type type) =>
        (Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>))) is { } found
            ? (found.GenericTypeArguments[0], found.GenericTypeArguments[1])
            : null;

    /// <summary>The element type when the binder fills <paramref name="type"/> as an array or a collection.</summary>
    public static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType() : Generic(type, typeof(IEnumerable<>))?.GenericTypeArguments[0];

    /// <summary>The properties the binder sets, by configuration key (case-insensitive, as configuration keys are).</summary>
    public static Dictionary<string, PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0
                        && (p.SetMethod is { IsPublic: true } || !(IsScalar(p.PropertyType) || p.PropertyType.IsArray)))
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, StringComparer.OrdinalIgnoreCase);

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
