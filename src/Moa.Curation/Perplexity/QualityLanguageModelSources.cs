using System.Security.Cryptography;
using System.Text;
using Moa.Documents.Jsonl;
using Moa.Text.Normalization;

namespace Moa.Curation.Perplexity;

/// <summary>One document of a reference set: its id, its text (normalised as the pipeline does) and its half.</summary>
public sealed record ReferenceDocument(string Id, string Text, bool Tuning);

/// <summary>A reference file of shared/data as the quality model sees it: documents, licence and checksum.</summary>
public sealed record ReferenceSet(string File, string Licence, string Sha256, IReadOnlyList<ReferenceDocument> Documents);

/// <summary>
/// The openly licensed Korean text of <c>shared/data</c> that the quality language model is built from, read and
/// split the same way by the training command and by the tests. Documents are normalised with the pipeline's
/// default <see cref="TextNormalizer"/>, so the model sees text as the quality stage does.
/// </summary>
public static class QualityLanguageModelSources
{
    /// <summary>KoBEST BoolQ paragraphs (Korean Wikipedia), distinct, from train, dev and test; the id is the paragraph itself.</summary>
    public const string BoolQ = "benchmarks/kobest/BoolQ";

    /// <summary>Korean news snippets (korean-english-park, Korean side).</summary>
    public const string News = "text/genres/news_ko_snippets.jsonl";

    /// <summary>KorQuAD 1.0 Wikipedia paragraphs: CC BY-ND, so never trained on; its tuning half sets the bucket cut-offs.</summary>
    public const string Wiki = "text/genres/wiki_korquad_contexts.jsonl";

    private static readonly TextNormalizer s_normalizer = new(new NormalizerOptions());

    /// <summary>KoBEST BoolQ paragraphs, split by the hash of the paragraph text.</summary>
    public static ReferenceSet ReadBoolQ(string sharedData)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var docs = new List<ReferenceDocument>();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var path = Path.Combine(sharedData, BoolQ, split + ".tsv");
            var bytes = ReadBytes(path);
            sha.AppendData(bytes);
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            var column = Array.IndexOf(lines[0].TrimEnd('\r').Split('\t'), "Text");
            if (column < 0)
            {
                throw new MoaException($"{path}:1: no 'Text' column in the header.");
            }

            foreach (var line in lines.Skip(1))
            {
                var cells = line.TrimEnd('\r').Split('\t');
                if (cells.Length > column && !string.IsNullOrWhiteSpace(cells[column]))
                {
                    var text = s_normalizer.Normalize(cells[column]);
                    if (seen.Add(text))
                    {
                        docs.Add(new ReferenceDocument(text, text, TuningSplit.IsTuning(text)));
                    }
                }
            }
        }

        return new ReferenceSet(BoolQ + "/{train,dev,test}.tsv (Text)", "CC BY-SA 4.0 (KoBEST; Korean Wikipedia text)", Convert.ToHexStringLower(sha.GetHashAndReset()), docs);
    }

    /// <summary>A JSONL genre file (<c>id</c>, <c>text</c>; lines checked by <see cref="JsonlRecordReader"/>), split by the hash of the id.</summary>
    public static ReferenceSet ReadJsonl(string sharedData, string relativePath, string licence)
    {
        var path = Path.Combine(sharedData, relativePath);
        var bytes = ReadBytes(path);
        var docs = new List<ReferenceDocument>();
        var records = new JsonlRecordReader();
        using var lines = new JsonlLines(new MemoryStream(bytes, writable: false), path);
        while (lines.TryReadLine(out var line))
        {
            if (JsonlRecordReader.IsBlank(line))
            {
                continue;
            }

            if (records.Validate(line, out var fields, out var error) != JsonlProblem.None)
            {
                throw records.Error(path, lines.LineNumber, error, line);
            }

            var id = JsonlRecordReader.Id(line, fields)
                ?? throw new MoaException($"{path}:{lines.LineNumber}: no field 'id'; the genre files split by id, so every line needs one.");
            docs.Add(new ReferenceDocument(id, s_normalizer.Normalize(JsonlRecordReader.Text(line, fields)), TuningSplit.IsTuning(id)));
        }

        return new ReferenceSet(relativePath, licence, Convert.ToHexStringLower(SHA256.HashData(bytes)), docs);
    }

    /// <summary>The training sets: tuning halves of BoolQ paragraphs and of the news snippets.</summary>
    public static IReadOnlyList<ReferenceSet> Training(string sharedData) =>
    [
        ReadBoolQ(sharedData),
        ReadJsonl(sharedData, News, "CC BY-SA 3.0 (korean-parallel-corpora, korean-english-park; shared/data lists it as published by its authors)"),
    ];

    /// <summary>The cut-off reference: the tuning half of the KorQuAD Wikipedia paragraphs (scored, never trained on).</summary>
    public static ReferenceSet CutoffReference(string sharedData) =>
        ReadJsonl(sharedData, Wiki, "CC BY-ND 2.0 KR (KorQuAD 1.0): used unmodified, to measure; not trained on");

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot read a source of the quality language model ({ex.Message}). Pass the shared/data folder with --data.", ex);
        }
    }
}
