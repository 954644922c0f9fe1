#!/usr/bin/env python3
"""Selects the NSMC reviews (or KoBEST BoolQ sentences) to hand-label for PERSON (issue 11) and builds the labelled
file from the annotator's chunks.

  scripts/nsmc-person-select.py [--source nsmc|kobest] select      # writes DIR/selection.tsv (index, id, pool, text)
  scripts/nsmc-person-select.py [--source nsmc|kobest] show N [M]  # prints chunk N (100 texts each) for reading
  scripts/nsmc-person-select.py [--source nsmc|kobest] build       # DIR/chunk-*.txt -> OUT

  --source nsmc (default): DIR scripts/nsmc-person-labels, OUT src/Moa.Privacy/Names/Data/person-labelled-nsmc.jsonl
  --source kobest:         DIR scripts/kobest-person-labels, OUT src/Moa.Privacy/Names/Data/person-labelled-kobest.jsonl

Selection (fixed seed 20261204): NSMC reviews (../shared/data/text/nsmc_reviews_sample.jsonl, CC0) with at least one
Hangul syllable, deduplicated by text, leaving out every review that is (compared without spaces) a sentence of the KLUE
dev part and every text of tests/Moa.Privacy.Tests/EvalSet/*.jsonl. Pool "random": drawn at random. Pool "surname":
drawn at random among the reviews with a Hangul word of 2-4 syllables whose first syllable is one of the 30 most
frequent surnames (NameGazetteer.Surnames[..30]). The two pools alternate (random, surname, ...), so every prefix of
the selection is half and half.

Label chunks (scripts/nsmc-person-labels/chunk-NN.txt): one line per review with a person, "INDEX<TAB>name|name|...";
a name repeated in the review is written as often as it is labelled, occurrences are taken left to right, and
"name#k" (1-based) picks the k-th occurrence and "name*" takes every occurrence. A chunk file covers all 100 reviews of its chunk; reviews without a line
have no person. The KLUE PS guideline is followed: the span is the name only (no 씨/님/titles; A씨 -> A), foreign
names in Hangul, nicknames used as names, fictional characters; not roles, groups or titles.

Source kobest (same seed, same pools, same chunk format; 16,100 selected, the most whole chunks before the surname pool runs out; the first 12,000 as before): the paragraphs (column Text) of KoBEST BoolQ
(../shared/data/benchmarks/kobest/BoolQ/{train,dev,test}.tsv, Korean Wikipedia text, CC BY-SA 4.0) are split into
sentences after ".", "?" or "!" followed by white space; a sentence keeps the id "kobest-boolq-SPLIT-ID#sK" (K: its
1-based place in the paragraph). Kept: 15-300 characters with at least one Hangul syllable, deduplicated by text
(without spaces, first occurrence in train, dev, test order), leaving out every KLUE dev sentence (compared without
spaces) and every sentence that occurs (without spaces) inside a text of tests/Moa.Privacy.Tests/EvalSet/*.jsonl or
../shared/data/text/genres/*.jsonl.
"""
import glob, json, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, '..', 'shared', 'data')
NSMC = os.path.join(SHARED, 'text', 'nsmc_reviews_sample.jsonl')
KLUE = os.path.join(SHARED, 'ner', 'klue-ner-v1.1_dev_part1.tsv')
KOBEST = os.path.join(SHARED, 'benchmarks', 'kobest', 'BoolQ')
GENRES = os.path.join(SHARED, 'text', 'genres')
SOURCE = 'nsmc'
for _i, _a in enumerate(sys.argv[1:], 1):
    if _a == '--source' and _i + 1 < len(sys.argv):
        SOURCE = sys.argv[_i + 1]
        del sys.argv[_i:_i + 2]
        break
    if _a.startswith('--source='):
        SOURCE = _a.split('=', 1)[1]
        del sys.argv[_i]
        break
if SOURCE not in ('nsmc', 'kobest'):
    sys.exit(f'unknown --source {SOURCE} (nsmc|kobest)')
DIR = os.path.join(ROOT, 'scripts', SOURCE + '-person-labels')
SEL = os.path.join(DIR, 'selection.tsv')
OUT = os.path.join(ROOT, 'src', 'Moa.Privacy', 'Names', 'Data', 'person-labelled-' + SOURCE + '.jsonl')
LICENCE = {'nsmc': 'CC0 (github e9t/nsmc)', 'kobest': 'CC BY-SA 4.0 (KoBEST BoolQ, Korean Wikipedia)'}[SOURCE]
SURNAMES = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상시갈"[:30]
SEED = 20261204
TOTAL = 23200 if SOURCE == 'nsmc' else 16100
CHUNK = 100


def nospace(s):
    return re.sub(r'\s+', '', s)


def klue_texts():
    out = set()
    for line in open(KLUE, encoding='utf-8'):
        if line.startswith('## klue-ner'):
            sent = line.rstrip('\n').split('\t', 1)[1]
            out.add(nospace(re.sub(r'<([^<>]*?):[A-Z]{2}>', r'\1', sent)))
    return out


def kobest_sentences():
    """Every sentence of the BoolQ paragraphs, in file order: (id, text)."""
    out = []
    for split in ('train', 'dev', 'test'):
        with open(os.path.join(KOBEST, split + '.tsv'), encoding='utf-8') as f:
            next(f)
            for line in f:
                pid, para = line.rstrip('\n').split('\t')[:2]
                for k, sent in enumerate(re.split(r'(?<=[.?!])\s+', para.strip()), 1):
                    out.append((f'kobest-boolq-{split}-{pid}#s{k}', sent.strip()))
    return out


def eval_jsonl_texts(pattern):
    out = []
    for f in glob.glob(pattern):
        for line in open(f, encoding='utf-8'):
            out.append(nospace(json.loads(line)['text']))
    return out


def candidates():
    skip = klue_texts()
    evalset = eval_jsonl_texts(os.path.join(ROOT, 'tests', 'Moa.Privacy.Tests', 'EvalSet', '*.jsonl'))
    seen, reviews = set(), []
    if SOURCE == 'kobest':
        inside = '\0'.join(evalset + eval_jsonl_texts(os.path.join(GENRES, '*.jsonl')))
        for sid, t in kobest_sentences():
            k = nospace(t)
            if not 15 <= len(t) <= 300 or not re.search('[가-힣]', t) or k in skip or k in seen or k in inside:
                continue
            seen.add(k)
            reviews.append((sid, t))
        return reviews
    skip.update(evalset)
    for line in open(NSMC, encoding='utf-8'):
        r = json.loads(line)
        t = r['text'].strip()
        k = nospace(t)
        if not re.search('[가-힣]', t) or k in skip or k in seen or t != r['text']:
            continue
        seen.add(k)
        reviews.append((r['id'], t))
    return reviews


def select():
    reviews = candidates()
    reviews.sort()
    rng = random.Random(SEED)
    rnd = rng.sample(reviews, len(reviews))
    word = re.compile('(?<![가-힣])[' + SURNAMES + '][가-힣]{1,3}(?![가-힣])')
    sur = [r for r in rng.sample(reviews, len(reviews)) if word.search(r[1])]
    picked, out, i, j = set(), [], 0, 0
    while len(out) < TOTAL:
        pool, src = (rnd, 'random') if len(out) % 2 == 0 else (sur, 'surname')
        while True:
            r = pool[i] if src == 'random' else pool[j]
            if src == 'random':
                i += 1
            else:
                j += 1
            if r[0] not in picked:
                break
        picked.add(r[0])
        out.append((len(out), r[0], src, r[1]))
    os.makedirs(DIR, exist_ok=True)
    with open(SEL, 'w', encoding='utf-8') as f:
        for row in out:
            f.write('\t'.join(map(str, row[:3])) + '\t' + re.sub(r'\s', ' ', row[3]) + '\n')
    print(f'{len(reviews)} candidate texts, {sum(1 for r in reviews if word.search(r[1]))} with a surname-shaped word; selected {len(out)}')


def load_sel():
    rows = []
    for line in open(SEL, encoding='utf-8'):
        idx, rid, pool, text = line.rstrip('\n').split('\t', 3)
        rows.append((int(idx), rid, pool, text))
    return rows


def load_text():
    """The original texts (selection.tsv replaces tabs)."""
    if SOURCE == 'kobest':
        return dict(kobest_sentences())
    return {json.loads(l)['id']: json.loads(l)['text'] for l in open(NSMC, encoding='utf-8')}


def show(a, b):
    rows = load_sel()
    for n in range(a, b + 1):
        for idx, rid, pool, text in rows[n * CHUNK:(n + 1) * CHUNK]:
            print(f'{idx}\t{text}')


def evaluation_lines():
    """Every line (16 characters or more without spaces) of the person evaluation sets, without spaces."""
    out = set()
    for f in glob.glob(os.path.join(ROOT, 'tests', 'Moa.Privacy.Tests', 'EvalSet', 'person-*.jsonl')):
        for line in open(f, encoding='utf-8'):
            for part in json.loads(line)['text'].split('\n'):
                if len(nospace(part)) >= 16:
                    out.add(nospace(part))
    return out


def build():
    rows = load_sel()
    texts = load_text()
    errors, records, spans_total = [], [], 0
    chunks = sorted(glob.glob(os.path.join(DIR, 'chunk-*.txt')), key=lambda p: int(re.search(r'chunk-(\d+)', p).group(1)))
    for cf in chunks:
        n = int(re.search(r'chunk-(\d+)', cf).group(1))
        labels = {}
        for ln, line in enumerate(open(cf, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            idx, names = line.split('\t', 1)
            idx = int(idx)
            if not n * CHUNK <= idx < (n + 1) * CHUNK:
                errors.append(f'{cf}:{ln}: index {idx} is not in chunk {n}')
                continue
            if idx in labels:
                errors.append(f'{cf}:{ln}: index {idx} labelled twice')
            labels[idx] = [x.strip() for x in names.split('|') if x.strip()]
        for idx, rid, pool, _ in rows[n * CHUNK:(n + 1) * CHUNK]:
            text = texts[rid]
            spans, used = [], {}
            names = []
            for name in labels.get(idx, []):
                if name.endswith('*'):
                    names += [name[:-1]] * text.count(name[:-1])
                else:
                    names.append(name)
            for name in names:
                m = re.fullmatch(r'(.+?)#(\d+)', name)
                s, k = (m.group(1), int(m.group(2))) if m else (name, None)
                starts = [x.start() for x in re.finditer(re.escape(s), text)]
                if k is None:
                    k = used.get(s, 0) + 1
                used[s] = max(used.get(s, 0), k)
                if k > len(starts):
                    errors.append(f'{cf}: index {idx} ({rid}): "{s}" occurrence {k} not found in: {text}')
                    continue
                spans.append([starts[k - 1], starts[k - 1] + len(s)])
            spans.sort()
            for a, b in zip(spans, spans[1:]):
                if b[0] < a[1]:
                    errors.append(f'{cf}: index {idx} ({rid}): overlapping spans {a} {b}')
            spans_total += len(spans)
            records.append({'id': rid, 'text': text, 'persons': spans, 'pool': pool, 'source': SOURCE, 'licence': LICENCE})
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(1)
    # A selected text that is a line of an evaluation item (the private-context set wraps real reviews in constructed
    # templates) is left out of the training file, so no evaluation line is ever trained on.
    held = evaluation_lines()
    dropped = [r['id'] for r in records if nospace(r['text']) in held]
    records = [r for r in records if nospace(r['text']) not in held]
    if dropped:
        print(f'left out {len(dropped)} texts that are lines of an evaluation item: {" ".join(dropped)}')
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    withp = sum(1 for r in records if r['persons'])
    spans_total = sum(len(r['persons']) for r in records)
    print(f'{len(records)} reviews ({len(chunks)} chunks), {withp} with a person, {spans_total} spans -> {OUT}')


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    if cmd == 'select':
        select()
    elif cmd == 'show':
        a = int(sys.argv[2]); show(a, int(sys.argv[3]) if len(sys.argv) > 3 else a)
    elif cmd == 'build':
        build()
    else:
        print(__doc__); sys.exit(2)
