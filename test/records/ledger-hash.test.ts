import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalJson, computeActHash, verifyChain, type LedgerRow } from '../../activities/ledger-hash.js';

function chain(n: number, procedureId = 'p-1'): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      procedureId,
      seq: i,
      actType: 'protocol',
      legalAt: `2026-03-0${(i % 9) + 1}T10:00:00.000Z`,
      recordedAt: '2026-03-10T10:00:00.000Z',
      actor: { kind: 'system' as const, id: 'test' },
      payload: { n: i, text: 'Мәслихат шешімі', nested: { b: 2, a: [1, 'x', null] } },
      citation: null,
      editionId: 'ed-1',
      key: `k${i}`,
      prevHash: prev,
    };
    const hash = computeActHash(content);
    rows.push({ ...content, hash });
    prev = hash;
  }
  return rows;
}

// JSON values without integers beyond 2^53 (which canonicalJson refuses)
const safeJson = fc.jsonValue().filter((v) => {
  try {
    canonicalJson(v);
    return true;
  } catch {
    return false;
  }
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), safeJson), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
  it('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (v) => {
        try {
          const s = canonicalJson(v);
          expect(canonicalJson(JSON.parse(s))).toBe(s);
        } catch (e) {
          expect(String(e)).toMatch(/NUL|beyond 2\^53/);
        }
      }),
    );
  });
  it('sorts keys, drops undefined, refuses non-JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: 'ы' } })).toBe('{"a":{"c":"ы"},"b":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ x: 2 ** 60 })).toThrow(/2\^53/);
    expect(() => canonicalJson(new Map())).toThrow(/plain object/);
  });
});

describe('verifyChain (offline)', () => {
  it('accepts an intact chain and reports its head', () => {
    const rows = chain(5);
    expect(verifyChain(rows)).toMatchObject({ ok: true, count: 5, head: { seq: 5, hash: rows[4]!.hash } });
  });
  it('locates an altered payload', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, payload: { n: 999 } };
    expect(verifyChain(rows)).toMatchObject({ ok: false, break: { seq: 3, problem: 'hash_mismatch' } });
  });
  it('locates a missing row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, break: { seq: 2, problem: 'sequence_gap', found: '3' } });
  });
  it('locates rows out of order', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(verifyChain(rows)).toMatchObject({ ok: false, break: { seq: 2, index: 1, problem: 'out_of_order' } });
  });
  it('locates a renumbered row (a deletion papered over)', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    for (let i = 1; i < rows.length; i++) rows[i] = { ...rows[i]!, seq: i + 1 };
    expect(verifyChain(rows)).toMatchObject({ ok: false, break: { seq: 2, problem: 'prev_hash_mismatch' } });
  });
  it('detects rows cut from the end against an anchored head', () => {
    const rows = chain(5);
    const head = { seq: 5, hash: rows[4]!.hash };
    expect(verifyChain(rows.slice(0, 3), { expectedHead: head })).toMatchObject({
      ok: false,
      break: { seq: 4, problem: 'head_mismatch' },
    });
    expect(verifyChain(rows, { expectedHead: head }).ok).toBe(true);
  });
  it('flags a row of another procedure', () => {
    const rows = chain(3);
    rows[1] = { ...chain(3, 'p-2')[1]! };
    expect(verifyChain(rows)).toMatchObject({ ok: false, break: { seq: 2, problem: 'wrong_procedure' } });
  });
});
