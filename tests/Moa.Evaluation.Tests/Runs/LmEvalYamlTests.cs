using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Tests.Fixtures;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Tests.Runs;

/// <summary>
/// <c>--task-yaml</c>: the lm-eval task YAMLs in docs/evaluation/lm-eval-tasks give exactly the requests of the built-in
/// tasks, and what Moa cannot honour is refused with the file and line.
/// </summary>
[Collection(NgramServerCollection.Name)]
public sealed class LmEvalYamlTests(NgramServerFixture server)
{
    private static readonly Lazy<ImportedBenchmark> s_kobest = new(() => KobestImporter.Import(TestPaths.Data("benchmarks", "kobest"), "dev"));

    private static string Yaml(string name) => Path.Combine(TestPaths.RepoRoot, "docs", "evaluation", "lm-eval-tasks", name + ".yaml");

    private static string[] Subsets(IEnumerable<BenchmarkItem> items) => [.. items.Select(i => i.Subset).Distinct(StringComparer.Ordinal)];

    [Theory]
    [InlineData("kobest_boolq")]
    [InlineData("kobest_copa")]
    [InlineData("kobest_hellaswag")]
    [InlineData("kobest_sentineg")]
    [InlineData("kobest_wic")]
    public void KobestYaml_DefinesTheBuiltInTask_OnEveryDevItem(string name)
    {
        var items = s_kobest.Value.Items;
        var fromYaml = LmEvalTaskYaml.Read(Yaml(name)).ToTask(Subsets(items));
        var builtIn = LmEvalTasks.Get(name);

        fromYaml.Name.ShouldBe(name);
        fromYaml.Subset.ShouldBe(builtIn.Subset);
        fromYaml.Metrics.ShouldBe(builtIn.Metrics);
        fromYaml.TargetDelimiter.ShouldBe(builtIn.TargetDelimiter);
        fromYaml.FewShotDelimiter.ShouldBe(builtIn.FewShotDelimiter);
        var scored = items.Where(builtIn.AppliesTo).ToList();
        scored.Count.ShouldBeGreaterThan(100);
        items.Count(fromYaml.AppliesTo).ShouldBe(scored.Count);
        foreach (var item in scored)
        {
            fromYaml.DocToText(item).ShouldBe(builtIn.DocToText(item), item.Id);
            fromYaml.DocToChoice(item).ShouldBe(builtIn.DocToChoice(item), item.Id);
            fromYaml.Gold(item).ShouldBe(builtIn.Gold(item), item.Id);
        }
    }

    [Fact]
    public void ClickYaml_DefinesTheBuiltInTask()
    {
        var click = ClickImporter.Import(TestPaths.Data("benchmarks", "click")).Items.Where(i => i.Choices.Count == 4).Take(300).ToList();
        var fromYaml = LmEvalTaskYaml.Read(Yaml("click")).ToTask(Subsets(click));
        var builtIn = LmEvalTasks.Get("click");
        fromYaml.Subset.ShouldBeNull();
        fromYaml.Metrics.ShouldBe(builtIn.Metrics);
        foreach (var item in click)
        {
            fromYaml.DocToText(item).ShouldBe(builtIn.DocToText(item), item.Id);
            fromYaml.DocToChoice(item).ShouldBe(builtIn.DocToChoice(item), item.Id);
            fromYaml.Gold(item).ShouldBe(item.AnswerIndex);
        }
    }

    [Theory]
    [InlineData("kobest_boolq")]
    [InlineData("kobest_hellaswag")]
    public async Task KobestYaml_SendsTheBuiltInTasksRequests(string name)
    {
        var imported = s_kobest.Value;
        var builtIn = LmEvalTasks.Get(name);
        var fromYaml = LmEvalTaskYaml.Read(Yaml(name)).ToTask(Subsets(imported.Items));
        var items = imported.Items.Where(builtIn.AppliesTo).Take(12).ToList();
        var pool = imported.Items.Where(builtIn.AppliesTo).Skip(12).Take(20).ToList();

        async Task<RunResult> Run(LmEvalTask task)
        {
            using var client = new ModelClient(new EndpointOptions { BaseUrl = server.BaseUrl, Model = NgramServerFixture.ModelName, Concurrency = 4 });
            return await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "h", pool), new EvalOptions { Task = task, FewShot = 2, BootstrapResamples = 0 }, TestPaths.NewTempDir());
        }

        var a = await Run(builtIn);
        var b = await Run(fromYaml);
        for (var i = 0; i < items.Count; i++)
        {
            b.Items[i].Prompt.ShouldBe(a.Items[i].Prompt);
            b.Items[i].Continuations.ShouldBe(a.Items[i].Continuations);
            b.Items[i].LogLikelihoods.ShouldBe(a.Items[i].LogLikelihoods);
            b.Items[i].Answer.ShouldBe(a.Items[i].Answer);
        }

        b.Scores.MetricNames.ShouldBe(a.Scores.MetricNames);
        b.Scores.Overall.Metrics["f1"].Mean.ShouldBe(a.Scores.Overall.Metrics["f1"].Mean);
    }

    [Fact]
    public void Templates_ReadFieldsKeysIndexesAndLists()
    {
        var item = new BenchmarkItem("i1", "S", "물음", "지문", ["가", "나", "다"], JsonDocument.Parse("2").RootElement,
            new Dictionary<string, JsonElement> { ["word"] = JsonDocument.Parse("\"배\"").RootElement, ["pair"] = JsonDocument.Parse("{\"a\": [\"x\", \"y\"]}").RootElement });
        var task = Task("""
            task: t
            output_type: multiple_choice
            doc_to_text: "{{ context }} / {{question}} / {{choices[0]}}{{choices[-1]}} / {{pair.a[1]}} / {{pair['a'][0]}} / {{word}} / {{choices}}"
            doc_to_choice: "{{choices}}"
            doc_to_target: "{{answer}}"
            num_fewshot: 5
            target_delimiter: ""
            fewshot_delimiter: "\n"
            """);
        task.DocToText(item).ShouldBe("지문 / 물음 / 가다 / y / x / 배 / ['가', '나', '다']");
        task.DocToChoice(item).ShouldBe(["가", "나", "다"]);
        task.Gold(item).ShouldBe(2);
        task.NumFewShot.ShouldBe(5);
        task.TargetDelimiter.ShouldBe(string.Empty);
        task.FewShotDelimiter.ShouldBe("\n");
        task.Metrics.ShouldBe(["acc"]);

        // A bare field name is the field; a template may render a Python list; a target may be the gold choice's text.
        var byName = Task("task: t\noutput_type: multiple_choice\ndoc_to_text: question\ndoc_to_choice: \"['{{word}}', '{{context}}']\"\ndoc_to_target: \"{{context}}\"\n");
        byName.DocToText(item).ShouldBe("물음");
        byName.DocToChoice(item).ShouldBe(["배", "지문"]);
        byName.Gold(item).ShouldBe(1);
    }

    [Fact]
    public async Task DescriptionAndFirstN_BuildTheContextAsLmEval()
    {
        var copa = s_kobest.Value.Items.Where(i => i.Subset == "COPA").ToList();
        var task = LmEvalTaskYaml.Read(Write("""
            include: PLACEHOLDER
            task: copa_first_n
            description: "다음 문장에 이어질 내용을 고르시오 ({{subset}}).\n\n"
            fewshot_config:
              sampler: first_n
            num_fewshot: 2
            fewshot_delimiter: "\n###\n"
            """.Replace("PLACEHOLDER", Yaml("kobest_copa"), StringComparison.Ordinal))).ToTask(Subsets(copa));
        task.FewShotSampler.ShouldBe(LmEvalFewShot.FirstNSampler);
        var items = copa.Skip(10).Take(3).ToList();
        var pool = copa.Take(5).ToList();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = server.BaseUrl, Model = NgramServerFixture.ModelName });

        var run = await new EvalRunner(client).RunAsync(new EvalInput(s_kobest.Value.Card, items, "h", pool), new EvalOptions { Task = task, FewShot = task.NumFewShot!.Value, BootstrapResamples = 0 }, TestPaths.NewTempDir());

        run.Manifest.Config["fewshot_sampler"].ShouldBe("lm-eval:first_n");
        for (var i = 0; i < items.Count; i++)
        {
            // description + (doc_to_text + " " + gold choice + fewshot_delimiter) for the first two pool items + the item's text.
            var expected = "다음 문장에 이어질 내용을 고르시오 (COPA).\n\n"
                + string.Concat(pool.Take(2).Select(p => task.DocToText(p) + " " + p.Choices[p.AnswerIndex] + "\n###\n"))
                + task.DocToText(items[i]);
            run.Items[i].Prompt.ShouldBe(expected);
            run.Items[i].FewShotIds.ShouldBe([pool[0].Id, pool[1].Id]);
        }
    }

    [Theory]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nfewshot_config:\n  samples: []\n", "line 6, fewshot_config: key 'samples' is not supported")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nfewshot_config:\n  sampler: balanced\n", "line 6, fewshot_config: sampler 'balanced' is not supported")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\ngeneration_kwargs:\n  until: [x]\n", "line 6, generation_kwargs: applies to output_type: generate_until only")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\ngeneration_kwargs:\n  until: [x]\n  top_p: 0.9\n", "line 6, generation_kwargs: key 'top_p' is not supported")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\ngeneration_kwargs:\n  do_sample: true\n", "line 5, generation_kwargs: do_sample must be false")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\ngeneration_kwargs:\n  temperature: 0.7\n", "line 5, generation_kwargs: temperature must be 0")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\ngeneration_kwargs:\n  max_gen_toks: many\n", "line 5, generation_kwargs: max_gen_toks must be a whole number")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nfilter_list:\n  - name: m\n    filter:\n      - function: majority_vote\n", "line 7, filter_list: filter function 'majority_vote' is not supported")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nfilter_list:\n  - name: m\n    filter:\n      - function: regex\n        regex_pattern: \"([A-D\"\n", "line 7, filter_list, regex_pattern: '([A-D' is not a regular expression")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nfilter_list:\n  - name: m\n    filter:\n      - function: regex\n        flags: i\n", "line 8, filter_list: regex option 'flags' is not supported")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nfilter_list:\n  - filter: []\n", "line 5, filter_list: a pipeline needs 'name:' and 'filter:'")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nmetric_list:\n  - metric: bleu\n", "line 5, metric_list: metric 'bleu' is not supported for generate_until")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nmetric_list:\n  - metric: exact_match\n    ignore_case: maybe\n", "line 6: ignore_case must be true or false")]
    [InlineData("task: t\ndoc_to_text: x\ndoc_to_target: y\nmetric_list:\n  - metric: exact_match\n    ignore_accents: true\n", "exact_match option 'ignore_accents' is not supported")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: \"{% if a %}x{% endif %}\"\ndoc_to_choice: [a]\n", "line 3, doc_to_text: '{% if a %}x{…' is a Jinja statement")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: \"{{ question | upper }}\"\ndoc_to_choice: [a]\n", "line 3, doc_to_text: '{{ question | upper }}' uses more of Jinja")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: !function utils.my_text\ndoc_to_choice: [a]\n", "line 3, doc_to_text: !function utils.my_text: Moa cannot run Python")]
    [InlineData("task: t\noutput_type: loglikelihood\ndoc_to_text: x\n", "line 2, output_type: output_type 'loglikelihood' is not supported")]
    [InlineData("task: t\noutput_type: generate_until\ndoc_to_text: x\n", "no 'doc_to_target:'; a generate_until task needs the answer")]
    [InlineData("task: t\ndoc_to_text: x\n", "no 'doc_to_target:'; a generate_until task needs the answer")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nmetric_list:\n  - metric: exact_match\n", "line 6, metric_list: exact_match scores generated text; it needs output_type: generate_until")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nmetric_list:\n  - metric: f1\n", "f1 is computed as macro-F1")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_text: x\ndoc_to_choice: [a]\nmetric_list:\n  - metric: bleu\n", "metric 'bleu' is not supported")]
    [InlineData("task:\n  - a\n  - b\n", "line 1: 'task:' lists several tasks, which makes this a group file")]
    [InlineData("task: t\noutput_type: multiple_choice\ndataset_name: nope\ndoc_to_text: x\ndoc_to_choice: [a]\n", "line 3, dataset_name: 'nope' is no subset of the benchmark (it has A, B)")]
    [InlineData("task: t\noutput_type: multiple_choice\ndoc_to_choice: {{choices}}\ndoc_to_text: x\n", "an unquoted {{...}} is a YAML mapping: quote it")]
    [InlineData("output_type: multiple_choice\n", "no 'task:' key")]
    [InlineData("task: t\n  bad: [\n", "not valid YAML")]
    [InlineData("task: t\ninclude: missing.yaml\n", "missing.yaml: file not found")]
    public void BadYaml_IsRefusedNamingTheFileAndLine(string yaml, string message)
    {
        var path = Write(yaml);
        var ex = Should.Throw<MoaException>(() => LmEvalTaskYaml.Read(path).ToTask(["A", "B"]));
        ex.Message.ShouldContain(message);
        if (!message.Contains("missing.yaml", StringComparison.Ordinal))
        {
            ex.Message.ShouldContain(path);
        }
    }

    [Fact]
    public void DatasetPath_ToALocalBenchmark_IsResolvedAgainstTheYamlsFolder()
    {
        var dir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(dir, "data", "copa"));
        var path = Path.Combine(dir, "t.yaml");
        File.WriteAllText(path, "task: t\ndataset_path: data/copa\ndataset_name: copa\n");
        var yaml = LmEvalTaskYaml.Read(path);
        yaml.LocalDataset.ShouldBe(Path.Combine(dir, "data/copa"));
        yaml.DatasetName.ShouldBe("copa");

        File.WriteAllText(path, "task: t\ndataset_path: skt/kobest_v1\n");
        LmEvalTaskYaml.Read(path).LocalDataset.ShouldBeNull();
    }

    [Fact]
    public void BadDocument_IsRefusedNamingTheItem()
    {
        var item = new BenchmarkItem("i7", "S", "q", null, ["a", "b"], JsonDocument.Parse("1").RootElement);
        var missing = Task("task: t\noutput_type: multiple_choice\ndoc_to_text: \"{{paragraph}}\"\ndoc_to_choice: [a, b]\n");
        Should.Throw<MoaException>(() => missing.DocToText(item)).Message.ShouldContain("item 'i7'): the document has no field 'paragraph'");
        var target = Task("task: t\noutput_type: multiple_choice\ndoc_to_text: q\ndoc_to_choice: [a, b]\ndoc_to_target: \"{{question}}\"\n");
        Should.Throw<MoaException>(() => target.Gold(item)).Message.ShouldContain("target 'q' is neither a choice index nor one of the choices");
    }

    private static LmEvalTask Task(string yaml) => LmEvalTaskYaml.Read(Write(yaml)).ToTask(["S"]);

    private static string Write(string yaml)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "task.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
