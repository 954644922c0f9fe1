// Writes the reference token ids that tests/Moa.Text.Tests/Tokens/TokenizerReferenceTests.cs checks against.
// Run by make.sh (which installs the pinned packages from package.json); never at test time.
//  - tiktoken gpt2 / cl100k_base / o200k_base: js-tiktoken (OpenAI's encodings, ranks shipped in the package)
//  - a Hugging Face tokenizer.json: a byte-level BPE cut from GPT-2's first merges (written here), encoded by
//    @huggingface/tokenizers (tokenizers.js, Hugging Face's own JS implementation of tokenizer.json)
import fs from "node:fs";
import path from "node:path";
import { getEncoding } from "js-tiktoken";
import gpt2Ranks from "js-tiktoken/ranks/gpt2";
import { Tokenizer } from "@huggingface/tokenizers";

const out = process.argv[2];
const merges = Number(process.argv[3] ?? 1000);
const strings = JSON.parse(fs.readFileSync(new URL("./strings.json", import.meta.url), "utf8"));
const pkg = (name) => JSON.parse(fs.readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;

const result = { produced_by: {}, strings, ids: {} };
for (const [name, encoding] of [["gpt2", "gpt2"], ["cl100k", "cl100k_base"], ["o200k", "o200k_base"]]) {
  const enc = getEncoding(encoding);
  result.ids[name] = strings.map((s) => Array.from(enc.encode(s)));
  result.produced_by[name] = `js-tiktoken ${pkg("js-tiktoken")} getEncoding("${encoding}")`;
}

// GPT-2's ranks as byte strings, in rank order.
const tokens = [];
for (const line of gpt2Ranks.bpe_ranks.split("\n")) {
  const [, offset, ...rest] = line.split(" ");
  rest.forEach((b64, i) => { tokens[Number(offset) + i] = Buffer.from(b64, "base64"); });
}
// The GPT-2 byte alphabet (bytes to printable characters), as byte-level BPE tokenizer.json files store tokens.
const printable = [];
for (let b = 0; b < 256; b++) if ((b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff)) printable.push(b);
const byteChar = new Array(256);
let next = 0;
for (let b = 0; b < 256; b++) byteChar[b] = printable.includes(b) ? String.fromCodePoint(b) : String.fromCodePoint(256 + next++);
const show = (bytes) => Array.from(bytes, (b) => byteChar[b]).join("");
// A token of rank r is the merge of the two parts that BPE with ranks below r leaves of its bytes.
const rankOf = new Map(tokens.map((t, r) => [t.toString("latin1"), r]));
function split(bytes, limit) {
  let parts = Array.from(bytes, (b) => Buffer.from([b]));
  while (parts.length > 2) {
    let best = -1, bestRank = limit;
    for (let i = 0; i + 1 < parts.length; i++) {
      const r = rankOf.get(Buffer.concat([parts[i], parts[i + 1]]).toString("latin1"));
      if (r !== undefined && r < bestRank) { best = i; bestRank = r; }
    }
    if (best < 0) break;
    parts.splice(best, 2, Buffer.concat([parts[best], parts[best + 1]]));
  }
  return parts;
}
const vocab = {};
const mergeList = [];
for (let r = 0; r < 256 + merges; r++) {
  vocab[show(tokens[r])] = r;
  if (r >= 256) {
    const parts = split(tokens[r], r);
    if (parts.length !== 2) throw new Error(`rank ${r} does not split in two`);
    mergeList.push(`${show(parts[0])} ${show(parts[1])}`);
  }
}
const eos = 256 + merges;
const tokenizerJson = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: [{ id: eos, content: "<|endoftext|>", single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
  normalizer: null,
  pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: null,
  decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: { type: "BPE", dropout: null, unk_token: null, continuing_subword_prefix: "", end_of_word_suffix: "", fuse_unk: false, byte_fallback: false, vocab, merges: mergeList },
};
fs.writeFileSync(path.join(out, "gpt2-small-tokenizer.json"), JSON.stringify(tokenizerJson) + "\n");
const hf = new Tokenizer(tokenizerJson, {});
result.ids["gpt2-small-tokenizer.json"] = strings.map((s) => hf.encode(s, { add_special_tokens: false }).ids);
result.produced_by["gpt2-small-tokenizer.json"] = `@huggingface/tokenizers ${pkg("@huggingface/tokenizers")} Tokenizer(tokenizer.json).encode(s, {add_special_tokens: false}); the file holds GPT-2's first ${merges} merges (js-tiktoken ${pkg("js-tiktoken")} ranks)`;
fs.writeFileSync(path.join(out, "reference-ids.json"), JSON.stringify(result, null, 1) + "\n");
