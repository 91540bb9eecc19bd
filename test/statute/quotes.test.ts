// Every quote in an edition or interpretation must be the law's own words: found verbatim
// (whitespace aside) in the source file, inside the article the citation names.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../statute/editions/index.js';
import { INTERPRETATIONS } from '../../statute/interpretations.js';
import { PERIOD_INTERPRETATIONS } from '../../statute/periods.js';
import type { Citation, Interpretation } from '../../statute/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourcesDir = path.resolve(here, '../../../shared/sources');

const normalise = (s: string): string => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

interface Source {
  text: string;
  /** article number → normalised text of that article (heading to the next heading) */
  articles: Map<string, string[]>;
}

const cache = new Map<string, Source>();
function load(file: string): Source {
  const hit = cache.get(file);
  if (hit) return hit;
  const raw = readFileSync(path.join(sourcesDir, file), 'utf8').replace(/\u00a0/g, ' ');
  const heading = /^[ \t]*Статья (\d+(?:-\d+)?)\.\s/gm;
  const starts: { article: string; at: number }[] = [];
  for (const m of raw.matchAll(heading)) starts.push({ article: m[1]!, at: m.index });
  const articles = new Map<string, string[]>();
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at : raw.length;
    const list = articles.get(s.article) ?? [];
    list.push(normalise(raw.slice(s.at, end)));
    articles.set(s.article, list);
  });
  const src = { text: normalise(raw), articles };
  cache.set(file, src);
  return src;
}

function findQuote(c: Citation): { inSource: boolean; inArticle: boolean } {
  const src = load(c.source);
  const q = normalise(c.quote);
  return {
    inSource: src.text.includes(q),
    inArticle: (src.articles.get(c.article) ?? []).some((a) => a.includes(q)),
  };
}

const ruleCitations = EDITIONS.flatMap((e) =>
  Object.values(e.rules).map((r) => ({ where: `${e.id} ${r.id}`, cite: r.cite })),
);
const interpretationCitations = Object.values(INTERPRETATIONS)
  .filter((i) => i.cite)
  .map((i) => ({ where: `interpretation ${i.id}`, cite: i.cite! }));

describe('the source file', () => {
  it('splits into articles, with the ones the procedures use', () => {
    const src = load('000_183c24e7cb45d52d.txt');
    for (const a of ['5', '10', '11', '21-1', '23-1', '24', '24-1', '36', '36-1', '39-3']) {
      expect(src.articles.has(a), `article ${a}`).toBe(true);
    }
    expect(src.articles.get('24')![0]).toMatch(/^Статья 24\. Полномочие маслихата выразить недоверие акиму/);
    expect(src.articles.get('24')![0]).not.toContain('Статья 24-1.');
  });
});

describe.each([...ruleCitations, ...interpretationCitations])('$where', ({ cite }) => {
  it('cites Law 148 from the 2018 Russian text', () => {
    expect(cite.law).toBe('148');
    expect(cite.source).toBe('000_183c24e7cb45d52d.txt');
    expect(normalise(cite.quote).length).toBeGreaterThan(10);
  });
  it('quotes the source verbatim, inside the cited article', () => {
    const found = findQuote(cite);
    expect(found.inSource, `quote not in source: «${cite.quote}»`).toBe(true);
    expect(found.inArticle, `quote not in article ${cite.article}: «${cite.quote}»`).toBe(true);
  });
});

describe('the check itself', () => {
  const real = ruleCitations.find((c) => c.where.endsWith('art24.p4.signature_collection'))!.cite;

  it('accepts a quote split over lines and spaced differently', () => {
    const respaced = real.quote.replace(/ /g, '\n      ').replace('десяти', 'десяти\u00a0');
    expect(findQuote({ ...real, quote: respaced })).toEqual({ inSource: true, inArticle: true });
  });

  it('rejects a quote with one word altered', () => {
    const altered = real.quote.replace('десяти рабочих дней', 'десяти календарных дней');
    expect(altered).not.toBe(real.quote);
    expect(findQuote({ ...real, quote: altered }).inSource).toBe(false);
  });

  it('rejects a quote with one letter altered', () => {
    const altered = real.quote.replace('обращения', 'обрашения');
    expect(findQuote({ ...real, quote: altered }).inSource).toBe(false);
  });

  it('rejects a real quote attributed to the wrong article', () => {
    // 24-1(4) is in the law, but not in Art 24 (nor in Art 23-1).
    const q = 'Сбор подписей осуществляется в течение тридцати дней со дня получения выборщиками подписных листов';
    expect(findQuote({ ...real, article: '24-1', quote: q })).toEqual({ inSource: true, inArticle: true });
    expect(findQuote({ ...real, article: '24', quote: q })).toEqual({ inSource: true, inArticle: false });
  });

  it('covers every rule and interpretation', () => {
    expect(ruleCitations.length).toBeGreaterThanOrEqual(50);
    expect(interpretationCitations.length).toBe(Object.keys(INTERPRETATIONS).length);
  });
});

// The Civil Code's rules on counting periods stand behind the period interpretations, but the Code
// is not among the sources: every such reference must say it is unverified, never pass as checked.
describe('references outside the sources (Civil Code)', () => {
  const all: Interpretation[] = [...Object.values(INTERPRETATIONS), ...Object.values(PERIOD_INTERPRETATIONS)];
  const mentionsCivilCode = (text: string) => /Гражданский кодекс|civil law|Civil Code/i.test(text);

  it('the sources hold no Civil Code text (if one is added, verify the article numbers and flip `verified`)', () => {
    const files = readdirSync(sourcesDir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const text = load(f).text;
      expect(text, f).not.toMatch(/Гражданский кодекс Республики Казахстан \(Общая часть\)/);
      expect(text, f).not.toMatch(/Исчисление сроков/);
    }
  });

  it('every interpretation whose rationale leans on the Civil Code carries it as an unverified external reference', () => {
    const leaning = all.filter((i) => mentionsCivilCode(i.rationale));
    expect(leaning.map((i) => i.id)).toEqual(expect.arrayContaining([
      'period.start_next_day', 'period.month_end', 'period.deadline_non_working_day', 'period.waiting_first_allowed_day', 'period.anchor_day',
    ]));
    for (const i of leaning) {
      expect(i.external?.length, i.id).toBeGreaterThan(0);
    }
    for (const i of all) {
      for (const x of i.external ?? []) {
        expect(x.verified, i.id).toBe(false);
        expect(x.note, i.id).toContain("Civil Code text not in the project's sources");
        expect(x.law, i.id).toMatch(/Гражданский кодекс/);
        expect(x.article, i.id).toMatch(/^\d+$/);
      }
    }
    expect(PERIOD_INTERPRETATIONS.startNextDay.external?.[0]).toMatchObject({ article: '170', verified: false });
    expect(INTERPRETATIONS['period.anchor_day']!.external?.[0]).toMatchObject({ article: '170', verified: false });
  });
});
