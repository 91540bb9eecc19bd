// What any input must be before a schema looks at it, at every boundary (HTTP API, CLI, the
// workflows' own starts and acts): no control characters in a text (tab, newline and carriage
// return aside), no lone UTF-16 surrogates, no deeper nesting than a person's document has.
// PostgreSQL's jsonb cannot store "\u0000": a NUL that passed here would fail a record later,
// after the act was accepted. Pure; iterative, so a hostile depth cannot overflow the stack.

export const INPUT_LIMITS = {
  /** objects and arrays inside each other */
  depth: 32,
  /** values in one input */
  nodes: 200_000,
  /**
   * the years a date or an instant of an input may name: a birth date on one side, deadlines
   * counted years ahead on the other; past them PostgreSQL (no year 0) and Temporal's search
   * attributes (no year above 9999) could not keep what follows from it
   */
  years: { from: 1900, to: 2199 },
} as const;

export interface HygieneIssue {
  field: string;
  rule: 'control_character' | 'invalid_unicode' | 'too_deep' | 'too_large';
  message: string;
}

// C0 controls except \t \n \r, DEL and the C1 controls
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fieldOf = (path: (string | number)[]) => path.join('.') || '(root)';

function textIssue(s: string, path: (string | number)[]): HygieneIssue | null {
  const c = CONTROL.exec(s);
  if (c) {
    const code = c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { field: fieldOf(path), rule: 'control_character', message: `control character U+${code} at position ${c.index} is not allowed in a text` };
  }
  if (LONE_SURROGATE.test(s)) return { field: fieldOf(path), rule: 'invalid_unicode', message: 'not valid Unicode text (a lone surrogate)' };
  return null;
}

/** Every problem of `value`, at most `max`; empty when it is clean. */
export function hygieneIssues(value: unknown, max = 10): HygieneIssue[] {
  const issues: HygieneIssue[] = [];
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  let nodes = 0;
  while (stack.length > 0 && issues.length < max) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > INPUT_LIMITS.nodes) {
      issues.push({ field: '(root)', rule: 'too_large', message: `more than ${INPUT_LIMITS.nodes} values` });
      break;
    }
    if (typeof v === 'string') {
      const i = textIssue(v, path);
      if (i) issues.push(i);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= INPUT_LIMITS.depth) {
      issues.push({ field: fieldOf(path), rule: 'too_deep', message: `nested deeper than ${INPUT_LIMITS.depth} levels` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i], depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i]!;
      const ki = textIssue(k, [...path, k.replace(CONTROL, '?')]);
      if (ki) issues.push({ ...ki, message: `a field name: ${ki.message}` });
      stack.push({ v: x, path: [...path, k], depth: depth + 1 });
    }
  }
  return issues;
}
