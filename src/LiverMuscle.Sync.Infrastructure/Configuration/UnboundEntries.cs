using Microsoft.Extensions.Configuration;

namespace LiverMuscle.Sync.Infrastructure.Configuration;

/// <summary>
/// Finds the configuration entries the binder would drop without a word when binding a section to a type: values it
/// cannot convert (numbers, bools, enums, dates, durations — inside lists and dictionaries too, where the binder skips
/// the whole element), dictionary keys of the wrong type, keys no property matches, and a single value where a group of
/// settings is expected or the other way round. Each problem names the full key.
/// </summary>
internal static class UnboundEntries
{
    public static IReadOnlyList<string> Find(Type type, IConfiguration section, Func<string, bool> isBoundElsewhere)
    {
        var problems = new List<string>();
        var finder = new Finder(problems, isBoundElsewhere);
        if (section is IConfigurationSection { Value: { Length: > 0 } value } own && !own.GetChildren().Any())
        {
            problems.Add($"{own.Path} is a group of settings, not a single value: got '{value}'.");
        }
        else
        {
            finder.CheckChildren(type, section.GetChildren().ToList());
        }

        return problems;
    }

    private sealed class Finder(List<string> problems, Func<string, bool> isBoundElsewhere)
    {
        public void CheckChildren(Type type, List<IConfigurationSection> children)
        {
            if (SettingTypes.DictionaryOf(type) is var (keyType, valueType))
            {
                foreach (var child in children)
                {
                    if (SettingTypes.TryConvert(keyType, child.Key))
                    {
                        Check(valueType, child);
                    }
                    else
                    {
                        problems.Add($"{child.Path}: the key '{child.Key}' {SettingTypes.Expectation(keyType)}.");
                    }
                }
            }
            else if (SettingTypes.ElementOf(type) is { } element)
            {
                children.ForEach(child => Check(element, child));
            }
            else
            {
                var properties = SettingTypes.PropertiesOf(type);
                foreach (var child in children)
                {
                    if (properties.TryGetValue(child.Key, out var property))
                    {
                        Check(property.PropertyType, child);
                    }
                    else if (!isBoundElsewhere(child.Path))
                    {
                        problems.Add($"{child.Path} is not a setting (known here: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}).");
                    }
                }
            }
        }

        private void Check(Type type, IConfigurationSection section)
        {
            var children = section.GetChildren().ToList();
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (SettingTypes.IsScalar(target))
            {
                if (children.Count > 0)
                {
                    problems.Add($"{section.Path} takes one value, not sub-keys ({string.Join(", ", children.Select(c => c.Key))}).");
                }
                else if (section.Value is { } value && !(value.Length == 0 && target != type) && !SettingTypes.TryConvert(target, value))
                {
                    problems.Add($"{section.Path} {SettingTypes.Expectation(target)}, got '{value}'.");
                }
            }
            else if (children.Count > 0)
            {
                CheckChildren(target, children);
            }
            else if (section.Value is { Length: > 0 } value)
            {
                problems.Add($"{section.Path} is a group of settings{(SettingTypes.ElementOf(target) is null ? string.Empty : $" (a list: {section.Key}:0, {section.Key}:1, …)")}, not a single value: got '{value}'.");
            }
        }
    }
}
