using System.Globalization;
using System.Net;
using System.Text;

namespace Moa.Text.Reporting;

/// <summary>
/// The project's one writer of small inline SVG charts for self-contained HTML reports (curation's <c>report.html</c>,
/// evaluation's item analysis): horizontal bars, grouped columns and bars, histogram and scatter. No scripts, no
/// external files; every label is HTML-encoded; numbers are written with the invariant culture.
/// </summary>
public static class SvgCharts
{
    private static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Colour of series <c>i</c> (a colour-blind-safe palette, repeated after ten).</summary>
    public static string Color(int i) => Palette[i % Palette.Length];

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
        sb.Append(Start(width, height, null));
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 4 + (i * rowHeight);
            var w = Math.Max(value > 0 ? 2 : 0, plot * value / max);
            var fill = color ?? Color(i);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"lbl\">{Encode(Clip(label, 34))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" rx=\"3\" fill=\"{fill}\"><title>{Encode(label)}: {value.ToString(valueFormat, CultureInfo.InvariantCulture)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 17}\" class=\"val\">{value.ToString(valueFormat, CultureInfo.InvariantCulture)}</text>");
        }

        return End(sb);
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
        var size = labelWidth + (n * cell) + 10;
        var (r, g, b) = (Convert.ToInt32(color[1..3], 16), Convert.ToInt32(color[3..5], 16), Convert.ToInt32(color[5..7], 16));
        var sb = new StringBuilder();
        sb.Append(Start(size, size, null));
        for (var i = 0; i < n; i++)
        {
            var y = labelWidth + (i * cell);
            var x = labelWidth + (i * cell);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + (cell / 2) + 4}\" text-anchor=\"end\" class=\"lbl\">{Encode(Clip(labels[i], 22))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({x + (cell / 2) + 4},{labelWidth - 6}) rotate(-60)\" class=\"lbl\">{Encode(Clip(labels[i], 22))}</text>");
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
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + (j * cell)}\" y=\"{y}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{fill}\"><title>{Encode(labels[i])} × {Encode(labels[j])}: {tip}</title></rect>");
            }
        }

        return End(sb);
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
        sb.Append(Start(width, height, null));
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
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{top + plotH - h:0.##}\" width=\"{Math.Max(0.5, barW - 1):0.##}\" height=\"{h:0.##}\" fill=\"{Color(s)}\"><title>{Encode(series[s].Name)} {Encode(categories[c])}: {value.ToString("N0", CultureInfo.InvariantCulture)}</title></rect>");
            }

            if (categories.Count <= 16 || c % 2 == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (c * groupW) + (groupW / 2):0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" class=\"axis\">{Encode(categories[c])}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var x = left + (s * 150);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{Color(s)}\"/><text x=\"{x + 18}\" y=\"16\" class=\"lbl\">{Encode(series[s].Name)}</text>");
        }

        return End(sb);
    }

    /// <summary>Grouped bar chart of values in [0, 1]: one group per category, one bar per series.</summary>
    public static string GroupedBars(IReadOnlyList<string> categories, IReadOnlyList<string> series, Func<int, int, double?> value, string yLabel)
    {
        const int left = 48, top = 12, height = 220, bottom = 90;
        var barWidth = Math.Max(4, Math.Min(18, 120 / Math.Max(1, series.Count)));
        var groupWidth = (barWidth * series.Count) + 14;
        var width = left + (groupWidth * categories.Count) + 20;
        var svg = new StringBuilder(Start(width, top + height + bottom, yLabel));
        Axis(svg, left, top, height, width - 10, "0%", "50%", "100%");
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = left + 7 + (c * groupWidth);
            for (var s = 0; s < series.Count; s++)
            {
                if (value(c, s) is not { } v || double.IsNaN(v))
                {
                    continue;
                }

                var h = v * height;
                svg.Append(Invariant($"<rect x=\"{x0 + (s * barWidth)}\" y=\"{top + height - h:0.#}\" width=\"{barWidth - 1}\" height=\"{h:0.#}\" fill=\"{Color(s)}\"><title>{Encode(categories[c])} · {Encode(series[s])}: {v:P1}</title></rect>"));
            }

            var lx = x0 + (groupWidth / 2.0);
            svg.Append(Invariant($"<text x=\"{lx:0.#}\" y=\"{top + height + 12}\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-40 {lx:0.#} {top + height + 12})\">{Encode(Clip(categories[c], 22))}</text>"));
        }

        return End(svg);
    }

    /// <summary>Histogram of values in [0, 1] with <paramref name="bins"/> equal bins.</summary>
    public static string Histogram(IEnumerable<double> values, int bins, string xLabel)
    {
        var counts = new int[bins];
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                counts[Math.Clamp((int)(v * bins), 0, bins - 1)]++;
            }
        }

        const int left = 48, top = 12, height = 200, barWidth = 36;
        var width = left + (bins * barWidth) + 20;
        var max = Math.Max(1, counts.Max());
        var svg = new StringBuilder(Start(width, top + height + 40, xLabel));
        Axis(svg, left, top, height, width - 10, "0", (max / 2).ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
        for (var b = 0; b < bins; b++)
        {
            var h = (double)counts[b] / max * height;
            var x = left + (b * barWidth) + 2;
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{top + height - h:0.#}\" width=\"{barWidth - 3}\" height=\"{h:0.#}\" fill=\"{Color(0)}\"><title>{(double)b / bins:0.0}–{(double)(b + 1) / bins:0.0}: {counts[b]} items</title></rect>"));
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{top + height + 14}\" font-size=\"10\">{(double)b / bins:0.0}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{left + (bins * barWidth / 2)}\" y=\"{top + height + 32}\" font-size=\"11\" text-anchor=\"middle\">{Encode(xLabel)}</text>"));
        return End(svg);
    }

    /// <summary>Scatter of points with x in [0, 1] and y in [-1, 1]; highlighted points are drawn in red.</summary>
    public static string Scatter(IReadOnlyList<(double X, double Y, bool Highlight, string Label)> points, string xLabel, string yLabel)
    {
        const int left = 48, top = 12, size = 260;
        var svg = new StringBuilder(Start(left + size + 20, top + size + 40, $"{yLabel} by {xLabel}"));
        Axis(svg, left, top, size, left + size, "-1", "0", "1");
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + (size / 2)}\" x2=\"{left + size}\" y2=\"{top + (size / 2)}\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>"));
        foreach (var (x, y, highlight, label) in points)
        {
            var cx = left + (x * size);
            var cy = top + ((1 - ((y + 1) / 2)) * size);
            svg.Append(Invariant($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"2.5\" fill=\"{(highlight ? "#e15759" : Color(0))}\" fill-opacity=\"0.55\"><title>{Encode(label)}</title></circle>"));
        }

        svg.Append(Invariant($"<text x=\"{left + (size / 2)}\" y=\"{top + size + 30}\" font-size=\"11\" text-anchor=\"middle\">{Encode(xLabel)}</text>"));
        svg.Append(Invariant($"<text x=\"{left}\" y=\"{top + size + 14}\" font-size=\"10\">0</text><text x=\"{left + size - 6}\" y=\"{top + size + 14}\" font-size=\"10\">1</text>"));
        return End(svg);
    }

    /// <summary>HTML-encodes text for element content and attributes.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Start(int width, int height, string? title) =>
        Invariant($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\"{(title is null ? "" : $" aria-label=\"{Encode(title)}\"")} font-family=\"sans-serif\">");

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Axis(StringBuilder svg, int left, int top, int height, int right, string low, string mid, string high)
    {
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + height}\" stroke=\"#333\"/>"));
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{right}\" y2=\"{top + height}\" stroke=\"#333\"/>"));
        foreach (var (fraction, label) in (ReadOnlySpan<(double, string)>)[(0, low), (0.5, mid), (1, high)])
        {
            var y = top + height - (fraction * height);
            svg.Append(Invariant($"<line x1=\"{left - 4}\" y1=\"{y:0.#}\" x2=\"{right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{left - 6}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{Encode(label)}</text>"));
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Compact(double v) => v switch
    {
        >= 1e9 => (v / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => v.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
