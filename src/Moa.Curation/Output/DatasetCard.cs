using System.Globalization;
using System.Text;
using Moa.Documents.Cards;
using Moa.Curation.Configuration;
using Moa.Curation.Statistics;

namespace Moa.Curation.Output;

/// <summary>
/// Writes the dataset card of a curated corpus: <c>README.md</c> with Hugging Face front matter (licence, languages, size
/// category, task categories, <c>configs</c> pointing at the training parts in their format) and Korean and English prose
/// on sources, processing (filter profile, PII policy, dedup), statistics with token counts, files, licence and access.
/// Generated from <c>stats.json</c>, the manifest and the config only, without timings or dates: the same run gives the
/// same bytes.
/// </summary>
public static class DatasetCard
{
    /// <summary>Writes the card for a finished run.</summary>
    public static void Write(Stream stream, CurationStats stats, Manifest manifest, CurationConfig config, string folderName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = Render(stats, manifest, config, folderName);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    /// <summary>The card's text.</summary>
    public static string Render(CurationStats stats, Manifest manifest, CurationConfig config, string folderName)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(config);
        var ci = CultureInfo.InvariantCulture;
        var data = manifest.Files.Where(f => f.Kind == "data").OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var extension = PartSettings.From(config.Output).DataExtension;
        var name = string.IsNullOrWhiteSpace(config.Card.PrettyName) ? folderName : config.Card.PrettyName;
        var languages = stats.LanguagesOut.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key).ToList();
        var header = new DatasetCardHeader
        {
            PrettyName = name,
            License = config.Card.License,
            LicenseName = config.Card.License == "other" ? config.Card.LicenseName : null,
            Language = [.. languages.Where(l => l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower))],
            SizeCategories = [DatasetCardHeader.SizeCategory(stats.DocumentsOut)],
            TaskCategories = ["text-generation"],
            TaskIds = ["language-modeling"],
            Tags = ["moa", "curated", FormatTag(extension)],
            Configs = data.Count == 0 ? [] : [new DatasetCardConfig { DataFiles = [new DatasetCardDataFiles { Path = "data/*" + extension }] }],
        };

        var w = new StringBuilder();
        w.Append(header.ToFrontMatter()).Append('\n');
        w.Append(ci, $"# {name}\n\n");
        w.Append(ci, $"Moa {manifest.Version}로 정제한 말뭉치입니다. 설정 해시 `{manifest.ConfigHash}`. · A corpus curated with Moa {manifest.Version}; config hash `{manifest.ConfigHash}`.\n\n");

        w.Append("## 요약 · Summary\n\n");
        w.Append("| | |\n|---|---|\n");
        w.Append(ci, $"| 문서 · documents | {N(stats.DocumentsOut)} of {N(stats.DocumentsIn)} read |\n");
        w.Append(ci, $"| 텍스트 · text (UTF-8) | {Mb(stats.BytesOut)} MB of {Mb(stats.BytesIn)} MB read |\n");
        foreach (var (tokenizer, counts) in stats.Tokens)
        {
            w.Append(ci, $"| 토큰 · tokens ({tokenizer}) | {N(counts.Total)} |\n");
        }

        w.Append(ci, $"| 형식 · format | `{extension}` ({FormatDescription(extension)}) |\n");
        w.Append(ci, $"| 언어 · languages | {(languages.Count == 0 ? "–" : string.Join(", ", languages))} |\n\n");

        w.Append("## 출처와 제공기관 · Sources and providers\n\n");
        var providers = stats.Tokens.Values.SelectMany(t => t.ByProvider.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        w.Append(ci, $"제공기관 · providers: {(providers.Count == 0 ? (config.Input.Provider ?? TokenCounts.NoProvider) : string.Join(", ", providers))}. ");
        w.Append(ci, $"입력 파일 {N(manifest.Inputs.Count)}개 · {N(manifest.Inputs.Count)} input file(s), by format: ");
        w.Append(string.Join(", ", stats.Formats.Select(f => string.Create(ci, $"{f.Key} {N(f.Value)} documents")))).Append(".\n\n");
        w.Append("| input · 입력 | format | MB | sha256 |\n|---|---|---:|---|\n");
        foreach (var input in manifest.Inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            w.Append(ci, $"| {Cell(Path.GetFileName(input.Path))} | {Cell(input.Format)} | {Mb(input.Bytes)} | `{Short(input.Sha256)}` |\n");
        }

        w.Append("\n## 처리 과정 · Processing\n\n");
        w.Append("단계마다 남은 문서 · documents left after each stage:\n\n");
        w.Append("| stage · 단계 | in | out | removed · 제거 |\n|---|---:|---:|---:|\n");
        foreach (var s in stats.Stages.Where(s => s.DocumentsIn > 0))
        {
            w.Append(ci, $"| {s.Name} | {N(s.DocumentsIn)} | {N(s.DocumentsOut)} | {N(s.DocumentsIn - s.DocumentsOut)} |\n");
        }

        w.Append('\n');
        w.Append(ci, $"- 정규화 · normalisation: {(config.Normalize.Enabled ? "on" : "off")}.\n");
        w.Append(ci, $"- 언어 식별 · language identification: {(config.Language.Enabled ? $"on, keeping {(config.Language.Keep.Count == 0 ? "every language" : string.Join(", ", config.Language.Keep))} at score ≥ {config.Language.MinScore.ToString("0.##", ci)}" : "off")}.\n");
        w.Append(ci, $"- 품질 필터 · quality filters: {(config.Quality.Enabled ? $"on, profile `{config.Quality.Profile}`{Overrides(config.Quality)}" : "off")}.\n");
        w.Append(ci, $"- 중복 제거 · deduplication: exact {(config.Dedup.Exact.Enabled ? "on" : "off")}; near {(config.Dedup.Near.Enabled ? string.Create(ci, $"on (MinHash LSH, {config.Dedup.Near.ShingleWords}-word shingles, {config.Dedup.Near.Bands}×{config.Dedup.Near.Rows} bands, verified Jaccard)") : "off")}.\n");
        w.Append(ci, $"- 개인정보 · PII: {(config.Pii.Enabled ? $"on, operator `{config.Pii.Operator}`, person names `{config.Pii.PersonPolicy}`, minimum score {config.Pii.MinScore.ToString("0.##", ci)}{(config.Pii.Types.Count == 0 ? string.Empty : $", types {string.Join(", ", config.Pii.Types)}")}" : "off — the text is as the providers gave it")}.\n");
        if (stats.Pii.Count > 0)
        {
            w.Append("  Replaced findings · 대체한 항목: ").Append(string.Join(", ", stats.Pii.Select(p => string.Create(ci, $"{p.Key} {N(p.Value)}")))).Append(".\n");
        }

        w.Append("\n제거 사유 상위 · top removal reasons:\n\n");
        w.Append("| reason · 사유 | documents |\n|---|---:|\n");
        foreach (var r in stats.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(15))
        {
            w.Append(ci, $"| {Cell(r.Key)} | {N(r.Value)} |\n");
        }

        w.Append("\n## 통계 · Statistics\n\n");
        if (stats.Tokens.Count > 0)
        {
            var tokenLanguages = stats.Tokens.Values.SelectMany(t => t.ByLanguage.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            w.Append("토큰 수 (토크나이저별) · tokens per tokenizer:\n\n| tokenizer | tokens | bytes/token |");
            foreach (var l in tokenLanguages)
            {
                w.Append(ci, $" {l} |");
            }

            w.Append("\n|---|---:|---:|").Append(string.Concat(tokenLanguages.Select(_ => "---:|"))).Append('\n');
            foreach (var (tokenizer, counts) in stats.Tokens)
            {
                w.Append(ci, $"| {Cell(tokenizer)} | {N(counts.Total)} | {(counts.Total == 0 ? "–" : (stats.BytesOut / (double)counts.Total).ToString("0.00", ci))} |");
                foreach (var l in tokenLanguages)
                {
                    w.Append(ci, $" {N(counts.ByLanguage.GetValueOrDefault(l))} |");
                }

                w.Append('\n');
            }

            w.Append('\n');
        }

        w.Append("| language · 언어 | documents kept · 남은 문서 |\n|---|---:|\n");
        foreach (var l in languages)
        {
            w.Append(ci, $"| {l} | {N(stats.LanguagesOut[l])} |\n");
        }

        w.Append("\n## 파일 · Files\n\n");
        w.Append(ci, $"학습용 파트 {data.Count}개 (`data/`); 제거된 문서(`removed/`)는 검토용이며 배포하지 않습니다. · {data.Count} training part(s) in `data/`; `removed/` holds the removed documents for review and is never served.\n\n");
        w.Append("| part | documents | MB | sha256 |\n|---|---:|---:|---|\n");
        foreach (var f in data)
        {
            w.Append(ci, $"| {Cell(f.Path)} | {N(f.Documents)} | {Mb(f.Bytes)} | `{Short(f.Sha256)}` |\n");
        }

        w.Append("\nEvery file with its full sha256 is in `manifest.json`; `stats.json` holds every count. · 모든 파일의 sha256은 `manifest.json`에, 모든 수치는 `stats.json`에 있습니다.\n\n");
        w.Append("```python\nfrom datasets import load_dataset\n");
        w.Append(ci, $"ds = load_dataset(\"{(extension == ".parquet" ? "parquet" : "json")}\", data_files=\"data/*{extension}\", split=\"train\")\n```\n\n");

        w.Append("## 라이선스와 이용 조건 · Licence and access\n\n");
        if (config.Card.License == "other")
        {
            w.Append(ci, $"이 말뭉치는 제공기관과의 협약(`{config.Card.LicenseName}`)에 따라 제공됩니다. Moa 허브에서는 가명 처리된 예시만 공개되며, 전체 데이터는 유효한 이용 협약을 맺은 기관만 내려받을 수 있고 모든 열람과 내려받기는 감사 기록에 남습니다.\n\n");
            w.Append(ci, $"The corpus is provided under the providers' agreement terms (`{config.Card.LicenseName}`). On the Moa hub only masked samples are public; full rows and downloads are for parties with an active agreement, and every view and download is audited.\n");
        }
        else
        {
            w.Append(ci, $"라이선스 · licence: `{config.Card.License}`. 제공기관의 조건도 함께 따르십시오. · Follow the providers' conditions as well; on the Moa hub every download is audited.\n");
        }

        return w.ToString();
    }

    private static string Overrides(Filters.QualityOptions q)
    {
        var parts = new List<string>();
        parts.AddRange(q.ProfileByProvider.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"provider {p.Key} → `{p.Value}`"));
        parts.AddRange(q.ProfileByInput.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"input {p.Key} → `{p.Value}`"));
        return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
    }

    private static string FormatTag(string extension) => extension switch
    {
        ".parquet" => "parquet",
        ".jsonl.zst" => "jsonl-zstd",
        _ => "jsonl-gzip",
    };

    private static string FormatDescription(string extension) => extension switch
    {
        ".parquet" => "Parquet, columns id, text, meta (JSON)",
        ".jsonl.zst" => "JSON lines, Zstandard",
        _ => "JSON lines, gzip",
    };

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Short(string sha) => sha.Length > 16 ? sha[..16] : sha;

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
