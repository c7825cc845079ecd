using LiverMuscle.Sync.Providers.GoogleHealth.Api;

namespace LiverMuscle.Sync.Providers.GoogleHealth.Sync;

/// <summary>The sums of one local day's food entries: protein and fibre from <c>nutrients[]</c>, energy, carbohydrate and fat from their own members.</summary>
internal sealed class NutritionDayTotals
{
    public double Protein { get; private set; }

    public double Energy { get; private set; }

    public double Carbs { get; private set; }

    public double Fat { get; private set; }

    public double Fiber { get; private set; }

    public long Entries { get; private set; }

    public static double? ProteinOf(NutritionLogDto log) => log.Nutrients?.FirstOrDefault(n => n.Nutrient == "PROTEIN")?.Quantity?.Grams;

    public void Add(NutritionLogDto log)
    {
        Entries++;
        Energy += log.Energy?.Kcal ?? 0;
        Carbs += log.TotalCarbohydrate?.Grams ?? 0;
        Fat += log.TotalFat?.Grams ?? 0;
        foreach (var nutrient in log.Nutrients ?? [])
        {
            switch (nutrient.Nutrient)
            {
                case "PROTEIN":
                    Protein += nutrient.Quantity?.Grams ?? 0;
                    break;
                case "DIETARY_FIBER":
                    Fiber += nutrient.Quantity?.Grams ?? 0;
                    break;
            }
        }
    }
}
