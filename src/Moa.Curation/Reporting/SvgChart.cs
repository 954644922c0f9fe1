using System.Globalization;
using System.Net;
using System.Text;

namespace Moa.Curation.Reporting;

/// <summary>Small inline SVG charts for self-contained reports: no scripts, no external files.</summary>
public static class SvgChart
{
    private static readonly string[] s_palette = ["#2f6fdf", "#e4572e", "#29a36a", "#f0a202", "#7b4fc9", "#17a2b8", "#c2185b", "#6c757d"];

    /// <summary>One bar per item, longest first as given, value labels at the end of each bar.</summary>
    public static string HorizontalBars(IReadOnlyList<(string Label, double Value)> items, string valueFormat = "N0", int width = 720, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        const int rowHeight = 26;
        const int labelWidth = 230;
        var height = Math.Max(1, items.Count) * rowHeight + 8;
        var max = items.Count == 0 ? 1 : Math.Max(1e-9, items.Max(i => i.Value));
        var plot = width - labelWidth - 110;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 4 + (i * rowHeight);
            var w = Math.Max(value > 0 ? 2 : 0, plot * value / max);
            var fill = color ?? s_palette[i % s_palette.Length];
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"lbl\">{Esc(Shorten(label, 34))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" rx=\"3\" fill=\"{fill}\"><title>{Esc(label)}: {value.ToString(valueFormat, CultureInfo.InvariantCulture)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 17}\" class=\"val\">{value.ToString(valueFormat, CultureInfo.InvariantCulture)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A square matrix as coloured cells (white at 0, <paramref name="color"/> at <paramref name="max"/>), labels on the left
    /// and rotated on top, the value in each cell's tooltip; <c>NaN</c> cells are grey.
    /// </summary>
    public static string Heatmap(IReadOnlyList<string> labels, Func<int, int, double> value, double max = 1, string valueFormat = "0.000", string color = "#e4572e")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(value);
        var n = labels.Count;
        const int labelWidth = 150;
        var cell = Math.Clamp(560 / Math.Max(1, n), 8, 40);
        var width = labelWidth + (n * cell) + 10;
        var height = labelWidth + (n * cell) + 10;
        var (r, g, b) = (Convert.ToInt32(color[1..3], 16), Convert.ToInt32(color[3..5], 16), Convert.ToInt32(color[5..7], 16));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < n; i++)
        {
            var y = labelWidth + (i * cell);
            var x = labelWidth + (i * cell);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + (cell / 2) + 4}\" text-anchor=\"end\" class=\"axis\">{Esc(Shorten(labels[i], 22))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({x + (cell / 2) + 4},{labelWidth - 6}) rotate(-60)\" class=\"axis\">{Esc(Shorten(labels[i], 22))}</text>");
            for (var j = 0; j < n; j++)
            {
                var v = value(i, j);
                string fill;
                if (double.IsNaN(v))
                {
                    fill = "#eef1f5";
                }
                else
                {
                    var t = Math.Clamp(v / Math.Max(1e-12, max), 0, 1);
                    fill = string.Create(CultureInfo.InvariantCulture, $"rgb({255 - ((255 - r) * t):0},{255 - ((255 - g) * t):0},{255 - ((255 - b) * t):0})");
                }

                var tip = double.IsNaN(v) ? "" : v.ToString(valueFormat, CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + (j * cell)}\" y=\"{y}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{fill}\"><title>{Esc(labels[i])} × {Esc(labels[j])}: {tip}</title></rect>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Grouped columns: one group per category, one column per series, with a legend.</summary>
    public static string GroupedColumns(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, int width = 720, int height = 260)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int left = 56;
        const int bottom = 44;
        const int top = 28;
        var plotW = width - left - 10;
        var plotH = height - bottom - top;
        var max = Math.Max(1e-9, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var groupW = categories.Count == 0 ? plotW : plotW / (double)categories.Count;
        var barW = Math.Max(1, (groupW - 4) / Math.Max(1, series.Count));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var t = 0; t <= 4; t++)
        {
            var v = max * t / 4;
            var y = top + plotH - (plotH * t / 4.0);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/><text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{Compact(v)}</text>");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var value = c < series[s].Values.Count ? series[s].Values[c] : 0;
                var h = plotH * value / max;
                var x = left + (c * groupW) + 2 + (s * barW);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{top + plotH - h:0.##}\" width=\"{Math.Max(0.5, barW - 1):0.##}\" height=\"{h:0.##}\" fill=\"{s_palette[s % s_palette.Length]}\"><title>{Esc(series[s].Name)} {Esc(categories[c])}: {value.ToString("N0", CultureInfo.InvariantCulture)}</title></rect>");
            }

            if (categories.Count <= 16 || c % 2 == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (c * groupW) + (groupW / 2):0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{Esc(categories[c])}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var x = left + (s * 150);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{s_palette[s % s_palette.Length]}\"/><text x=\"{x + 18}\" y=\"16\" class=\"lbl\">{Esc(series[s].Name)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Compact(double v) => v switch
    {
        >= 1e9 => (v / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
