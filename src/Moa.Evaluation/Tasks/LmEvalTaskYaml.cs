using System.Globalization;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// An lm-evaluation-harness task YAML read into a Moa task (<c>moa eval --task-yaml FILE</c>): the subset of the format that
/// multiple-choice benchmarks need (see docs/evaluation/tasks.md). Documents are a Moa benchmark's items, whose fields the
/// templates name: every <c>meta</c> key, then <c>id</c>, <c>subset</c>, <c>question</c>, <c>context</c>, <c>choices</c>,
/// <c>answer</c> and <c>label</c> (both the gold index). A key, template or function Moa cannot honour is refused with the
/// file and line, never skipped.
/// </summary>
public sealed class LmEvalTaskYaml
{
    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal)
    {
        "group", "tag", "metadata", "dataset_kwargs", "training_split", "validation_split", "test_split", "fewshot_split",
        "should_decontaminate", "doc_to_decontamination_query",
    };

    private static readonly HashSet<string> s_read = new(StringComparer.Ordinal)
    {
        "task", "include", "dataset_path", "dataset_name", "output_type", "doc_to_text", "doc_to_target", "doc_to_choice",
        "process_docs", "target_delimiter", "fewshot_delimiter", "num_fewshot", "metric_list", "description", "fewshot_config",
        "generation_kwargs", "filter_list",
    };

    private readonly Dictionary<string, (YamlNode Node, string File)> _keys;

    private LmEvalTaskYaml(string path, Dictionary<string, (YamlNode Node, string File)> keys)
    {
        Path = path;
        _keys = keys;
        Name = Scalar("task") ?? throw new MoaException($"{path}: no 'task:' key; an lm-eval task YAML names its task.");
        DatasetName = Scalar("dataset_name");
        if (Scalar("dataset_path") is { Length: > 0 } dp)
        {
            var local = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_keys["dataset_path"].File))!, dp);
            LocalDataset = File.Exists(local) || Directory.Exists(local) ? local : null;
            DatasetPath = dp;
        }
    }

    /// <summary>The YAML file.</summary>
    public string Path { get; }

    /// <summary>The task name (<c>task:</c>).</summary>
    public string Name { get; }

    /// <summary><c>dataset_path</c> as written (a Hugging Face id, or a local path).</summary>
    public string? DatasetPath { get; }

    /// <summary><c>dataset_path</c> resolved against the YAML's folder when it names a local benchmark folder or items.jsonl; else null.</summary>
    public string? LocalDataset { get; }

    /// <summary><c>dataset_name</c>: the subset of the benchmark the task scores.</summary>
    public string? DatasetName { get; }

    /// <summary>Reads <paramref name="path"/> (and what it includes).</summary>
    /// <exception cref="MoaException">The file is missing, is not YAML, or uses what Moa does not support.</exception>
    public static LmEvalTaskYaml Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var keys = new Dictionary<string, (YamlNode Node, string File)>(StringComparer.Ordinal);
        Merge(path, keys, 0);
        return new LmEvalTaskYaml(path, keys);
    }

    /// <summary>
    /// The task over a benchmark with <paramref name="subsets"/>: <c>dataset_name</c> picks the subset (case-insensitive, so
    /// <c>boolq</c> is KoBEST's <c>BoolQ</c>); without one the task scores every item.
    /// </summary>
    public LmEvalTask ToTask(IReadOnlyCollection<string> subsets)
    {
        ArgumentNullException.ThrowIfNull(subsets);
        // lm-eval's default output_type is generate_until.
        var outputType = Scalar("output_type") ?? "generate_until";
        if (outputType is not ("multiple_choice" or "generate_until"))
        {
            throw Error("output_type", $"output_type '{outputType}' is not supported; Moa runs multiple_choice (log-likelihood of each choice) and generate_until (greedy generation, exact_match)");
        }

        var generate = outputType == "generate_until";

        string? subset = null;
        if (DatasetName is { } dn)
        {
            subset = subsets.FirstOrDefault(s => string.Equals(s, dn, StringComparison.Ordinal))
                ?? subsets.FirstOrDefault(s => string.Equals(s, dn, StringComparison.OrdinalIgnoreCase))
                ?? (subsets.Count == 1 ? null : throw Error("dataset_name", $"'{dn}' is no subset of the benchmark (it has {string.Join(", ", subsets)})"));
        }

        var process = ProcessDocs();
        var text = Text("doc_to_text", process) ?? throw new MoaException($"{Path}: no 'doc_to_text:'; an lm-eval task needs one.");
        var choice = Choices(process) ?? (generate ? null : throw new MoaException($"{Path}: no 'doc_to_choice:'; a multiple_choice task needs one."));
        Func<BenchmarkItem, string>? targetText = null;
        Func<BenchmarkItem, int>? target = null;
        if (choice is not null)
        {
            target = Target(process, choice);
        }
        else
        {
            // generate_until without choices: the target is the answer text itself.
            targetText = Text("doc_to_target", process) ?? throw new MoaException($"{Path}: no 'doc_to_target:'; a generate_until task needs the answer to compare with.");
        }

        int? fewshot = null;
        if (Scalar("num_fewshot") is { } nf)
        {
            fewshot = int.TryParse(nf, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : throw Error("num_fewshot", $"'{nf}' is not a whole number >= 0");
        }

        var fewshotDelimiter = Scalar("fewshot_delimiter") ?? "\n\n";
        LmEvalGeneration? generation = null;
        if (generate)
        {
            Metrics(true, out var exact);
            generation = GenerationKwargs(fewshotDelimiter) with { Filters = FilterList(), ExactMatch = exact };
        }
        else
        {
            foreach (var key in new[] { "generation_kwargs", "filter_list" })
            {
                if (_keys.ContainsKey(key))
                {
                    throw Error(key, "applies to output_type: generate_until only");
                }
            }
        }

        return new LmEvalTask
        {
            Name = Name,
            Subset = subset,
            Source = Path,
            DocToText = text,
            DocToChoice = choice ?? (_ => []),
            DocToTarget = target,
            DocToTargetText = targetText,
            TargetDelimiter = Scalar("target_delimiter") ?? " ",
            FewShotDelimiter = fewshotDelimiter,
            NumFewShot = fewshot,
            FewShotSampler = FewShotConfig(),
            Description = Text("description", process),
            Generation = generation,
            Metrics = generation is null ? Metrics(false, out _) : [.. generation.Filters.Select(generation.MetricName)],
        };
    }

    /// <summary>The fields a template sees for <paramref name="item"/>.</summary>
    public static Dictionary<string, JsonElement> Fields(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var doc = item.Meta is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(item.Meta, StringComparer.Ordinal);
        doc.TryAdd("id", JsonSerializer.SerializeToElement(item.Id));
        doc.TryAdd("subset", JsonSerializer.SerializeToElement(item.Subset));
        doc.TryAdd("question", JsonSerializer.SerializeToElement(item.Question));
        doc.TryAdd("context", JsonSerializer.SerializeToElement(item.Context ?? string.Empty));
        doc.TryAdd("choices", JsonSerializer.SerializeToElement(item.Choices));
        doc.TryAdd("answer", item.Answer);
        doc.TryAdd("label", item.Answer);
        return doc;
    }

    private static void Merge(string path, Dictionary<string, (YamlNode Node, string File)> keys, int depth)
    {
        if (depth > 8)
        {
            throw new MoaException($"{path}: 'include:' nests more than 8 files deep (a cycle?).");
        }

        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found; give an lm-eval task YAML (see docs/evaluation/tasks.md).");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new MoaException($"{path} line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: not valid YAML ({(ex.InnerException?.Message ?? ex.Message).Split('\n')[0]}).", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new MoaException($"{path}: expected a mapping of lm-eval task keys (task:, doc_to_text:, …).");
        }

        // Keys of an included file come first; the including file's own keys win.
        var own = new Dictionary<string, (YamlNode Node, string File)>(StringComparer.Ordinal);
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? throw new MoaException($"{path} line {Line(k)}: keys must be plain names.");
            if (!s_read.Contains(key) && !s_ignored.Contains(key))
            {
                throw new MoaException($"{path} line {Line(k)}: key '{key}' is not supported by Moa's lm-eval task reader (it reads {string.Join(", ", s_read.Order(StringComparer.Ordinal))}; see docs/evaluation/tasks.md).");
            }

            if (key == "task" && v is not YamlScalarNode)
            {
                throw new MoaException($"{path} line {Line(k)}: 'task:' lists several tasks, which makes this a group file; give the YAML of one task.");
            }

            own[key] = (v, path);
        }

        if (own.TryGetValue("include", out var include))
        {
            var name = (include.Node as YamlScalarNode)?.Value ?? throw new MoaException($"{path} line {Line(include.Node)}: 'include:' must name one file.");
            Merge(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, name), keys, depth + 1);
        }

        foreach (var (k, v) in own)
        {
            keys[k] = v;
        }
    }

    private static string Line(YamlNode node) => node.Start.Line.ToString(CultureInfo.InvariantCulture);

    private string Where(string key) => _keys.TryGetValue(key, out var e) ? $"{e.File} line {Line(e.Node)}, {key}" : $"{Path}, {key}";

    private MoaException Error(string key, string message) => new($"{Where(key)}: {message}.");

    private string? Scalar(string key)
    {
        if (!_keys.TryGetValue(key, out var e) || e.Node is YamlScalarNode { Value: null or "null" or "~" } && IsPlain(e.Node))
        {
            return null;
        }

        return e.Node is YamlScalarNode s && !IsFunction(s) ? s.Value : throw Error(key, "expected a plain value");
    }

    private static bool IsFunction(YamlNode node) => !node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value == "!function";

    private static bool IsPlain(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };

    private string? Function(string key) =>
        _keys.TryGetValue(key, out var e) && e.Node is YamlScalarNode s && IsFunction(s) ? s.Value : null;

    // The lm-eval utils functions Moa reproduces on its imported items (KoBEST, CLIcK): name -> built-in task.
    private Func<BenchmarkItem, string> KnownText(string key, string function) => Short(function) switch
    {
        "copa_doc_to_text" => LmEvalTasks.Get("kobest_copa").DocToText,
        "sentineg_doc_to_text" => LmEvalTasks.Get("kobest_sentineg").DocToText,
        "wic_doc_to_text" => LmEvalTasks.Get("kobest_wic").DocToText,
        "get_context" => LmEvalTasks.Get("click").DocToText,
        var other => throw Error(key, $"!function {function}: Moa cannot run Python; it reproduces copa_doc_to_text, sentineg_doc_to_text, wic_doc_to_text and get_context, not {other}"),
    };

    private static string Short(string function) => function[(function.LastIndexOf('.') + 1)..];

    private Func<BenchmarkItem, Dictionary<string, JsonElement>> ProcessDocs()
    {
        if (!_keys.ContainsKey("process_docs"))
        {
            return Fields;
        }

        var function = Function("process_docs") ?? throw Error("process_docs", "expected !function utils.NAME");
        return Short(function) switch
        {
            // lm-eval's KoBEST HellaSwag adds query = "문장: " + context and the four endings as choices.
            "hellaswag_process_doc" => item =>
            {
                var doc = Fields(item);
                doc["query"] = JsonSerializer.SerializeToElement("문장: " + (item.Context ?? string.Empty));
                return doc;
            },
            var other => throw Error("process_docs", $"!function {function}: Moa reproduces hellaswag_process_doc only, not {other}"),
        };
    }

    private Func<BenchmarkItem, string>? Text(string key, Func<BenchmarkItem, Dictionary<string, JsonElement>> process)
    {
        if (!_keys.ContainsKey(key))
        {
            return null;
        }

        if (Function(key) is { } function)
        {
            return KnownText(key, function);
        }

        var where = Where(key);
        var template = DocTemplate.Parse(Scalar(key) ?? throw Error(key, "is empty"), where);
        return item =>
        {
            var doc = process(item);

            // lm-eval: a bare field name means the field's value.
            return !template.Source.Contains("{{", StringComparison.Ordinal) && doc.TryGetValue(template.Source, out var field)
                ? DocTemplate.Print(field)
                : template.Render(doc, $"{where} (item '{item.Id}')");
        };
    }

    private Func<BenchmarkItem, IReadOnlyList<string>>? Choices(Func<BenchmarkItem, Dictionary<string, JsonElement>> process)
    {
        const string key = "doc_to_choice";
        if (!_keys.TryGetValue(key, out var entry))
        {
            return null;
        }

        var where = Where(key);
        if (entry.Node is YamlSequenceNode seq)
        {
            var templates = seq.Children.Select(c => DocTemplate.Parse((c as YamlScalarNode)?.Value ?? throw new MoaException($"{where}: list entries must be strings."), where)).ToArray();
            return item =>
            {
                var doc = process(item);
                return [.. templates.Select(t => t.Render(doc, where))];
            };
        }

        if (Function(key) is { } function)
        {
            return Short(function) == "copa_doc_to_choice"
                ? item => item.Choices
                : throw Error(key, $"!function {function}: Moa reproduces copa_doc_to_choice only");
        }

        if (entry.Node is not YamlScalarNode)
        {
            throw Error(key, "expected a list, a field name or a template giving a list (an unquoted {{...}} is a YAML mapping: quote it)");
        }

        var template = DocTemplate.Parse(Scalar(key) ?? throw Error(key, "is empty"), where);
        return item =>
        {
            var doc = process(item);
            var at = $"{where} (item '{item.Id}')";
            JsonElement? value = template.IsSingleExpression ? template.Value(doc, at)
                : !template.Source.Contains("{{", StringComparison.Ordinal) && doc.TryGetValue(template.Source, out var f) ? f : null;
            if (value is { ValueKind: JsonValueKind.Array } list)
            {
                return [.. list.EnumerateArray().Select(DocTemplate.Print)];
            }

            return PythonListLiteral.Parse(value is { } v ? DocTemplate.Print(v) : template.Render(doc, at), at);
        };
    }

    private Func<BenchmarkItem, int>? Target(Func<BenchmarkItem, Dictionary<string, JsonElement>> process, Func<BenchmarkItem, IReadOnlyList<string>> choices)
    {
        const string key = "doc_to_target";
        if (!_keys.ContainsKey(key))
        {
            return null;
        }

        if (Function(key) is { } function)
        {
            return Short(function) is "copa_doc_to_target" or "get_target"
                ? item => item.AnswerIndex
                : throw Error(key, $"!function {function}: Moa reproduces copa_doc_to_target and get_target only");
        }

        var text = Text(key, process)!;
        var where = Where(key);
        return item =>
        {
            var value = text(item);
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }

            // lm-eval: a target that is not a number is the text of the gold choice.
            var options = choices(item);
            for (var i = 0; i < options.Count; i++)
            {
                if (string.Equals(options[i], value, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new MoaException($"{where} (item '{item.Id}'): target '{value}' is neither a choice index nor one of the choices ({string.Join(", ", options)}).");
        };
    }

    private string[] Metrics(bool generate, out ExactMatchOptions exactMatch)
    {
        const string key = "metric_list";
        exactMatch = new ExactMatchOptions();
        if (!_keys.TryGetValue(key, out var entry))
        {
            return generate ? ["exact_match"] : ["acc"];
        }

        if (entry.Node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            throw Error(key, "expected a list of '- metric: NAME' entries");
        }

        var metrics = new List<string>();
        foreach (var child in seq.Children)
        {
            var at = $"{entry.File} line {Line(child)}, metric_list";
            if (child is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode("metric"), out var nameNode) || nameNode is not YamlScalarNode { Value: { } name })
            {
                throw new MoaException($"{at}: each entry needs 'metric: NAME'.");
            }

            var fields = m.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? string.Empty, p => p.Value, StringComparer.Ordinal);
            if (generate)
            {
                if (name != "exact_match")
                {
                    throw new MoaException($"{at}: metric '{name}' is not supported for generate_until; Moa scores generated text with exact_match.");
                }

                exactMatch = ExactMatch(fields, at);
                if (!metrics.Contains(name))
                {
                    metrics.Add(name);
                }

                continue;
            }

            switch (name)
            {
                case "acc" or "acc_norm":
                    break;
                case "f1":
                    var macro = fields.TryGetValue("average", out var avg) && avg is YamlScalarNode { Value: "macro" }
                        || fields.TryGetValue("aggregation", out var agg) && agg is YamlScalarNode a && IsFunction(a) && Short(a.Value ?? string.Empty) == "macro_f1_score";
                    if (!macro)
                    {
                        throw new MoaException($"{at}: f1 is computed as macro-F1 over the run; say 'average: macro' (Moa has no binary F1).");
                    }

                    break;
                case "exact_match":
                    throw new MoaException($"{at}: exact_match scores generated text; it needs output_type: generate_until.");
                default:
                    throw new MoaException($"{at}: metric '{name}' is not supported; multiple_choice tasks can report acc, acc_norm and f1 (macro).");
            }

            if (fields.TryGetValue("aggregation", out var aggregation) && aggregation is YamlScalarNode ag && !IsFunction(ag) && ag.Value != "mean")
            {
                throw new MoaException($"{at}: aggregation '{ag.Value}' is not supported; acc and acc_norm are means over items.");
            }

            if (!metrics.Contains(name))
            {
                metrics.Add(name);
            }
        }

        return [.. metrics];
    }

    private static ExactMatchOptions ExactMatch(Dictionary<string, YamlNode> fields, string at)
    {
        var options = new ExactMatchOptions();
        foreach (var (name, node) in fields)
        {
            switch (name)
            {
                case "metric" or "higher_is_better" or "hf_evaluate":
                    break;
                case "aggregation":
                    if (node is not YamlScalarNode { Value: "mean" })
                    {
                        throw new MoaException($"{at} line {Line(node)}: exact_match is a mean over items; aggregation must be mean.");
                    }

                    break;
                case "ignore_case":
                    options = options with { IgnoreCase = Bool(node, at, name) };
                    break;
                case "ignore_punctuation":
                    options = options with { IgnorePunctuation = Bool(node, at, name) };
                    break;
                case "ignore_numbers":
                    options = options with { IgnoreNumbers = Bool(node, at, name) };
                    break;
                case "regexes_to_ignore":
                    var patterns = node is YamlSequenceNode seq
                        ? seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw new MoaException($"{at} line {Line(c)}: regexes_to_ignore entries must be strings.")).ToArray()
                        : throw new MoaException($"{at} line {Line(node)}: regexes_to_ignore must be a list of patterns.");
                    foreach (var pattern in patterns)
                    {
                        CheckRegex(pattern, $"{at} line {Line(node)}, regexes_to_ignore");
                    }

                    options = options with { RegexesToIgnore = patterns };
                    break;
                default:
                    throw new MoaException($"{at} line {Line(node)}: exact_match option '{name}' is not supported (Moa reads ignore_case, ignore_punctuation, ignore_numbers, regexes_to_ignore).");
            }
        }

        return options;
    }

    private static bool Bool(YamlNode node, string at, string name) => node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out var b)
        ? b
        : throw new MoaException($"{at} line {Line(node)}: {name} must be true or false.");

    private static void CheckRegex(string pattern, string where)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException ex)
        {
            throw new MoaException($"{where}: '{pattern}' is not a regular expression Moa can run ({ex.Message}).", ex);
        }
    }

    private string FewShotConfig()
    {
        const string key = "fewshot_config";
        if (!_keys.TryGetValue(key, out var entry))
        {
            return LmEvalFewShot.DefaultSampler;
        }

        if (entry.Node is not YamlMappingNode map)
        {
            throw Error(key, "expected a mapping (sampler: first_n)");
        }

        var sampler = LmEvalFewShot.DefaultSampler;
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            if (name != "sampler")
            {
                throw new MoaException($"{entry.File} line {Line(k)}, fewshot_config: key '{name}' is not supported; Moa reads sampler (default or first_n).");
            }

            sampler = (v as YamlScalarNode)?.Value is LmEvalFewShot.DefaultSampler or LmEvalFewShot.FirstNSampler
                ? ((YamlScalarNode)v).Value!
                : throw new MoaException($"{entry.File} line {Line(v)}, fewshot_config: sampler '{(v as YamlScalarNode)?.Value}' is not supported; Moa reproduces default and first_n.");
        }

        return sampler;
    }

    private LmEvalGeneration GenerationKwargs(string fewshotDelimiter)
    {
        const string key = "generation_kwargs";
        if (!_keys.TryGetValue(key, out var entry))
        {
            // lm-eval: without generation_kwargs a task stops at its few-shot delimiter.
            return new LmEvalGeneration { Until = fewshotDelimiter.Length > 0 ? [fewshotDelimiter] : [] };
        }

        if (entry.Node is not YamlMappingNode map)
        {
            throw Error(key, "expected a mapping (until, max_gen_toks, do_sample, temperature)");
        }

        var generation = new LmEvalGeneration();
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            var at = $"{entry.File} line {Line(k)}, generation_kwargs";
            switch (name)
            {
                case "until":
                    generation = generation with
                    {
                        Until = v switch
                        {
                            YamlScalarNode { Value: { } one } => [one],
                            YamlSequenceNode list => [.. list.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw new MoaException($"{at}: until entries must be strings."))],
                            _ => throw new MoaException($"{at}: until must be a string or a list of strings."),
                        },
                    };
                    break;
                case "max_gen_toks":
                    generation = generation with
                    {
                        MaxGenToks = v is YamlScalarNode { Value: { } t } && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var toks) && toks > 0
                            ? toks
                            : throw new MoaException($"{at}: max_gen_toks must be a whole number > 0."),
                    };
                    break;
                case "do_sample":
                    if (v is not YamlScalarNode { Value: { } ds } || !bool.TryParse(ds, out var sample) || sample)
                    {
                        throw new MoaException($"{at}: do_sample must be false; Moa generates greedily (temperature 0) so that runs repeat.");
                    }

                    break;
                case "temperature":
                    if (v is not YamlScalarNode { Value: { } tv } || !double.TryParse(tv, NumberStyles.Float, CultureInfo.InvariantCulture, out var temperature) || temperature != 0)
                    {
                        throw new MoaException($"{at}: temperature must be 0; Moa generates greedily so that runs repeat.");
                    }

                    break;
                default:
                    throw new MoaException($"{at}: key '{name}' is not supported; Moa reads until, max_gen_toks, do_sample: false and temperature: 0.");
            }
        }

        return generation;
    }

    private IReadOnlyList<LmEvalFilter> FilterList()
    {
        const string key = "filter_list";
        if (!_keys.TryGetValue(key, out var entry))
        {
            return [LmEvalFilter.None];
        }

        if (entry.Node is not YamlSequenceNode pipelines || pipelines.Children.Count == 0)
        {
            throw Error(key, "expected a list of '- name: NAME' pipelines with 'filter:' steps");
        }

        var result = new List<LmEvalFilter>();
        foreach (var pipeline in pipelines.Children)
        {
            var at = $"{entry.File} line {Line(pipeline)}, filter_list";
            if (pipeline is not YamlMappingNode p)
            {
                throw new MoaException($"{at}: each pipeline is a mapping with name and filter.");
            }

            string? name = null;
            YamlSequenceNode? steps = null;
            foreach (var (k, v) in p.Children)
            {
                switch ((k as YamlScalarNode)?.Value)
                {
                    case "name": name = (v as YamlScalarNode)?.Value; break;
                    case "filter": steps = v as YamlSequenceNode ?? throw new MoaException($"{entry.File} line {Line(v)}, filter_list: 'filter:' must be a list of steps."); break;
                    case var other: throw new MoaException($"{entry.File} line {Line(k)}, filter_list: key '{other}' is not supported (a pipeline has name and filter).");
                }
            }

            if (name is null || steps is null)
            {
                throw new MoaException($"{at}: a pipeline needs 'name:' and 'filter:'.");
            }

            result.Add(new LmEvalFilter(name, [.. steps.Children.Select(s => FilterStep(s, entry.File))]));
        }

        return result;
    }

    private static LmEvalFilterStep FilterStep(YamlNode node, string file)
    {
        var at = $"{file} line {Line(node)}, filter_list";
        if (node is not YamlMappingNode m)
        {
            throw new MoaException($"{at}: a step is a mapping with 'function:'.");
        }

        var fields = m.Children.ToDictionary(p => (p.Key as YamlScalarNode)?.Value ?? string.Empty, p => p.Value, StringComparer.Ordinal);
        var function = fields.TryGetValue("function", out var f) ? (f as YamlScalarNode)?.Value : null;
        switch (function)
        {
            case "take_first":
                if (fields.Keys.FirstOrDefault(k => k != "function") is { } extra)
                {
                    throw new MoaException($"{at}: take_first has no option '{extra}'.");
                }

                return new LmEvalFilterStep();
            case "regex":
                var pattern = @"#### (\-?[0-9\.\,]+)";
                var group = 0;
                var fallback = "[invalid]";
                foreach (var (k, v) in fields)
                {
                    var value = (v as YamlScalarNode)?.Value;
                    switch (k)
                    {
                        case "function": break;
                        case "regex_pattern": pattern = value ?? throw new MoaException($"{at}: regex_pattern must be a string."); break;
                        case "group_select":
                            group = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var g) ? g : throw new MoaException($"{at}: group_select must be a whole number.");
                            break;
                        case "fallback": fallback = value ?? string.Empty; break;
                        default: throw new MoaException($"{file} line {Line(v)}, filter_list: regex option '{k}' is not supported (Moa reads regex_pattern, group_select, fallback).");
                    }
                }

                CheckRegex(pattern, $"{at}, regex_pattern");
                return new LmEvalFilterStep(pattern, group, fallback);
            default:
                throw new MoaException($"{at}: filter function '{function}' is not supported; Moa runs regex and take_first.");
        }
    }
}
