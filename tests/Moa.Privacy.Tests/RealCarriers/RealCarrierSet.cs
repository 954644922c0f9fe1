using System.Text;
using System.Text.Json;
using Moa.Documents;
using Moa.Privacy.Tests.EvalSet;
using Moa.Text.Hashing;

namespace Moa.Privacy.Tests.RealCarriers;

/// <summary>One labelled item of the real-carrier set, with where its text came from and how its labels were made.</summary>
/// <param name="Kind"><c>document</c> (a real provider file, labelled by hand), <c>csv-row</c> (a real data.go.kr row, its
/// phone and address fields labelled), <c>planted</c> (a generated value planted into a real sentence) or <c>negative</c>
/// (a generated look-alike planted into a real sentence, no label).</param>
/// <param name="Variant">The spelling variant of the planted value or look-alike; empty for real items.</param>
internal sealed record RealItem(string Id, string Kind, string Source, string Variant, string Text, IReadOnlyList<GoldSpan> Spans)
{
    /// <summary>
    /// The half an item belongs to, fixed by the xxHash64 of its id before any tuning: even hashes are the tuning half,
    /// odd hashes the test half. Only the tuning half was looked at while the recognisers were changed.
    /// </summary>
    public bool IsTest => TextHash.XxHash64(Id.AsSpan()) % 2 == 1;

    public EvalDocument ToEvalDocument() => new(Id, Source, Text, Spans);
}

/// <summary>
/// Builds the second PII evaluation set (issue 11, item 4) from carriers the team did not write: real provider documents
/// read with the project's readers (an MSIT press release in HWP, an MCST press release and local-government notices in
/// HWPX, a data standard, a paper in PDF, 30 NTS rulings), real rows of the park and tourist-site CSV files, and real
/// sentences of the four genre files and NSMC reviews into which generated values (every spelling variant, valid check
/// digits) and hard negatives are planted at word boundaries, with no word added around them. The real identifiers of
/// the documents are labelled by hand in <see cref="s_handLabels"/>. PERSON is not labelled here (it is measured on KLUE).
/// The set is stored as <c>pii-real.jsonl</c> beside this file; a test checks the stored file matches this builder.
/// </summary>
internal static class RealCarrierSet
{
    public const int Seed = 20261203;
    private const int MaxCarrierLength = 480;

    /// <summary>Provider documents read whole; every file is listed, including those without personal data.</summary>
    private static readonly string[] s_documents =
    [
        "providers/hwp/msit_press_release_noori.hwp", "providers/hwp/basicsReport.hwp", "providers/pdf/korquad2_paper.pdf",
        "providers/hwpx/mcst_press_release.hwpx", "providers/hwpx/gangnam_notice.hwpx", "providers/hwpx/gangbuk_rfp.hwpx",
        "providers/hwpx/ulsan_notice_no_manifest.hwpx", "providers/hwpx/public_data_standard.hwpx",
    ];

    /// <summary>
    /// The identifiers in <see cref="s_documents"/> and the NTS rulings, found by reading each text (every occurrence is
    /// labelled). Office lines of civil servants count as PHONE; the brace list of five authors is one EMAIL span;
    /// 226-3570 and 226-5257 are Ulsan office numbers written without the area code.
    /// </summary>
    private static readonly (string File, string Value, string Type)[] s_handLabels =
    [
        ("msit_press_release_noori.hwp", "02-2110-2430", PiiTypes.Phone),
        ("msit_press_release_noori.hwp", "02-2110-2428", PiiTypes.Phone),
        ("korquad2_paper.pdf", "{ymk, seungyoung.lim, hyunjeonglee, soyoon.park, kmj0614 }@lgcns.com", PiiTypes.Email),
        ("mcst_press_release.hwpx", "044-203-3111", PiiTypes.Phone),
        ("mcst_press_release.hwpx", "044-203-3129", PiiTypes.Phone),
        ("mcst_press_release.hwpx", "044-203-3181", PiiTypes.Phone),
        ("mcst_press_release.hwpx", "044-203-3185", PiiTypes.Phone),
        ("gangnam_notice.hwpx", "서울특별시 강남구 학동로 426", PiiTypes.Address),
        ("gangnam_notice.hwpx", "02-3423-5175", PiiTypes.Phone),
        ("gangnam_notice.hwpx", "02-3423-8822", PiiTypes.Phone),
        ("gangbuk_rfp.hwpx", "gyung4ru@gangbuk.go.kr", PiiTypes.Email),
        ("ulsan_notice_no_manifest.hwpx", "226-3570", PiiTypes.Phone),
        ("ulsan_notice_no_manifest.hwpx", "226-5257", PiiTypes.Phone),
        ("public_data_standard.hwpx", "서울특별시 중랑구 중랑천로14길 24", PiiTypes.Address),
        ("public_data_standard.hwpx", "서울특별시 중랑구 묵동 209", PiiTypes.Address),
    ];

    private static readonly (string Type, int Count)[] s_planted =
    [
        (PiiTypes.ResidentRegistrationNumber, 330), (PiiTypes.AlienRegistrationNumber, 200), (PiiTypes.CorporateRegistrationNumber, 200),
        (PiiTypes.BusinessRegistrationNumber, 250), (PiiTypes.CreditCard, 250), (PiiTypes.Passport, 200), (PiiTypes.DriverLicense, 250),
        (PiiTypes.Phone, 660), (PiiTypes.Email, 270), (PiiTypes.IpAddress, 360), (PiiTypes.BankAccount, 250),
        (PiiTypes.VehiclePlate, 200), (PiiTypes.Address, 250),
    ];

    private const int NegativeCount = 650;

    public static List<RealItem> Build()
    {
        var rng = new Random(Seed);
        var items = new List<RealItem>();
        AddDocuments(items);
        var (rows, addresses) = CsvRows(rng);
        items.AddRange(rows);

        var carriers = LoadCarriers();
        var values = new PlantedValues(rng);
        var n = 0;
        foreach (var (type, count) in s_planted)
        {
            for (var i = 0; i < count; i++)
            {
                var (value, variant) = type switch
                {
                    PiiTypes.ResidentRegistrationNumber => values.Rrn(),
                    PiiTypes.AlienRegistrationNumber => values.Arn(),
                    PiiTypes.CorporateRegistrationNumber => values.Crn(),
                    PiiTypes.BusinessRegistrationNumber => values.Brn(),
                    PiiTypes.CreditCard => values.Card(),
                    PiiTypes.Passport => values.Passport(),
                    PiiTypes.DriverLicense => values.DriverLicense(),
                    PiiTypes.Phone => values.Phone(),
                    PiiTypes.Email => values.Email(),
                    PiiTypes.IpAddress => values.Ip(),
                    PiiTypes.BankAccount => values.BankAccount(),
                    PiiTypes.VehiclePlate => values.Plate(),
                    _ => (addresses[rng.Next(addresses.Count)], "real-csv-address"),
                };
                var (source, carrier) = carriers[rng.Next(carriers.Count)];
                items.Add(Plant($"plant-{++n:0000}", "planted", source, carrier, value, type, variant, rng));
            }
        }

        for (var i = 0; i < NegativeCount; i++)
        {
            var (value, variant) = values.HardNegative();
            var (source, carrier) = carriers[rng.Next(carriers.Count)];
            items.Add(Plant($"neg-{i + 1:0000}", "negative", source, carrier, value, null, variant, rng));
        }

        return items;
    }

    private static void AddDocuments(List<RealItem> items)
    {
        var files = s_documents.Concat(Directory.GetFiles(TestPaths.Data("providers", "hwp", "nts_rulings"), "0*.hwp")
            .Order(StringComparer.Ordinal).Select(f => "providers/hwp/nts_rulings/" + Path.GetFileName(f)));
        foreach (var file in files)
        {
            var docs = ProviderDocuments.Read(file);
            for (var k = 0; k < docs.Count; k++)
            {
                var text = docs[k].Text;
                var name = Path.GetFileName(file);
                var spans = new List<GoldSpan>();
                foreach (var (_, value, type) in s_handLabels.Where(l => l.File == name))
                {
                    var found = false;
                    for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
                    {
                        spans.Add(new GoldSpan(at, at + value.Length, type));
                        found = true;
                    }

                    if (!found && docs.Count == 1)
                    {
                        throw new InvalidOperationException($"hand label '{value}' not found in {file}");
                    }
                }

                items.Add(new RealItem($"doc-{name}-{k}", "document", $"{file}#{docs[k].Id}", "", text, [.. spans.OrderBy(s => s.Start)]));
            }
        }
    }

    /// <summary>
    /// Rows of the park and tourist-site CSV files as the CSV reader gives them (<c>header: value</c> lines), their phone
    /// and address fields labelled. Representative numbers (15xx, 16xx, 18xx) are business lines and carry no label. The
    /// address values of rows not used here are returned for planting.
    /// </summary>
    private static (List<RealItem> Rows, List<string> Addresses) CsvRows(Random rng)
    {
        var rows = new List<RealItem>();
        var addresses = new List<string>();
        foreach (var (file, take) in new[] { ("providers/csv/전국도시공원정보표준데이터.csv", 220), ("providers/csv/전국관광지정보표준데이터.csv", 160) })
        {
            var docs = ProviderDocuments.Read(file);
            var stride = Math.Max(1, docs.Count / take);
            var offset = rng.Next(stride);
            for (var r = 0; r < docs.Count; r++)
            {
                var text = docs[r].Text;
                var fields = Fields(text);
                if (r % stride != offset || rows.Count(x => x.Source.StartsWith(file, StringComparison.Ordinal)) >= take)
                {
                    addresses.AddRange(fields.Where(f => f.Name.EndsWith("주소", StringComparison.Ordinal)).Select(f => f.Value));
                    continue;
                }

                var spans = new List<GoldSpan>();
                foreach (var (name, start, value) in fields)
                {
                    if (name.EndsWith("전화번호", StringComparison.Ordinal) && value.Length > 0 && !IsBusinessLine(value))
                    {
                        spans.Add(new GoldSpan(start, start + value.Length, PiiTypes.Phone));
                    }
                    else if (name.EndsWith("주소", StringComparison.Ordinal) && value.Length > 0)
                    {
                        spans.Add(new GoldSpan(start, start + value.Length, PiiTypes.Address));
                    }
                }

                rows.Add(new RealItem($"csv-{Path.GetFileNameWithoutExtension(file)}-{r}", "csv-row", $"{file}#{docs[r].Id}", "", text, spans));
            }
        }

        addresses = [.. addresses.Distinct().Order(StringComparer.Ordinal)];
        return (rows, addresses);
    }

    private static bool IsBusinessLine(string phone) => phone.Length == 9 && phone[0] == '1' && phone[4] == '-';

    private static List<(string Name, int Start, string Value)> Fields(string text)
    {
        var fields = new List<(string, int, string)>();
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = line[(colon + 2)..].TrimEnd('\r');
                var trimmed = value.Trim();
                fields.Add((line[..colon], lineStart + colon + 2 + value.IndexOf(trimmed, StringComparison.Ordinal), trimmed));
            }

            lineStart += line.Length + 1;
        }

        return fields;
    }

    /// <summary>Real sentences: NSMC reviews and the four genre files, each cut to at most 480 characters at a space.</summary>
    private static List<(string Source, string Text)> LoadCarriers()
    {
        var carriers = new List<(string, string)>();
        foreach (var file in new[] { "text/nsmc_reviews_sample.jsonl", "text/genres/chat_qa_pairs.jsonl", "text/genres/news_ko_snippets.jsonl",
                     "text/genres/tech_python_docs_ko.jsonl", "text/genres/wiki_korquad_contexts.jsonl" })
        {
            foreach (var d in ProviderDocuments.Read(file))
            {
                var text = d.Text.Trim();
                if (text.Length > MaxCarrierLength)
                {
                    var cut = text.LastIndexOf(' ', MaxCarrierLength);
                    text = text[..(cut > 100 ? cut : MaxCarrierLength)];
                }

                if (text.Length >= 12)
                {
                    carriers.Add(($"{file}#{d.Id}", text));
                }
            }
        }

        return carriers;
    }

    /// <summary>
    /// Plants <paramref name="value"/> into <paramref name="carrier"/> at a word boundary: after a space, glued in
    /// parentheses to the word before, at the start or at the end. Only the value (with its «» label marks) is added.
    /// </summary>
    private static RealItem Plant(string id, string kind, string source, string carrier, string value, string? type, string variant, Random rng)
    {
        var open = value.IndexOf('«');
        var clean = value.Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal);
        var (spanStart, spanEnd) = open >= 0 ? (open, value.IndexOf('»') - 1) : (0, clean.Length);
        var spaces = new List<int>();
        for (var i = 1; i < carrier.Length - 1; i++)
        {
            if (carrier[i] == ' ' && carrier[i - 1] != ' ')
            {
                spaces.Add(i);
            }
        }

        string text;
        int at;
        switch (spaces.Count == 0 ? rng.Next(2) : rng.Next(5))
        {
            case 0:
                text = clean + " " + carrier;
                at = 0;
                break;
            case 1:
                text = carrier + " " + clean;
                at = carrier.Length + 1;
                break;
            case 2:
                var sp = spaces[rng.Next(spaces.Count)];
                text = carrier[..sp] + "(" + clean + ")" + carrier[sp..];
                at = sp + 1;
                break;
            default:
                var sp2 = spaces[rng.Next(spaces.Count)];
                text = carrier[..(sp2 + 1)] + clean + " " + carrier[(sp2 + 1)..];
                at = sp2 + 1;
                break;
        }

        List<GoldSpan> spans = type is null ? [] : [new GoldSpan(at + spanStart, at + spanEnd, type)];
        return new RealItem(id, kind, source, variant, text, spans);
    }

    public static string ToJsonl(IEnumerable<RealItem> items)
    {
        var sb = new StringBuilder();
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var d in items)
        {
            sb.Append(JsonSerializer.Serialize(new
            {
                id = d.Id,
                split = d.IsTest ? "test" : "tuning",
                kind = d.Kind,
                source = d.Source,
                variant = d.Variant,
                text = d.Text,
                spans = d.Spans.Select(s => new { start = s.Start, end = s.End, type = s.Type, value = d.Text[s.Start..s.End] }),
            }, options));
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static List<RealItem> Load(string path)
    {
        var items = new List<RealItem>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var spans = root.GetProperty("spans").EnumerateArray()
                .Select(s => new GoldSpan(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), s.GetProperty("type").GetString()!))
                .ToList();
            items.Add(new RealItem(root.GetProperty("id").GetString()!, root.GetProperty("kind").GetString()!, root.GetProperty("source").GetString()!,
                root.GetProperty("variant").GetString()!, root.GetProperty("text").GetString()!, spans));
        }

        return items;
    }
}
