import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteDictionary } from '../../../../src/main/ingest/columns/byte-dictionary';
import { parseIsoDateBytes } from '../../../../src/main/ingest/columns/date-bytes';

test('ByteDictionary gives stable codes by first appearance, across growth and rehashing', () => {
  const dict = new ByteDictionary();
  const code = (s: string): number => {
    const b = Buffer.from(`xx${s}yy`, 'utf8');
    return dict.code(b, 2, b.length - 2);
  };
  const values = Array.from({ length: 5000 }, (_, i) => `value-${i % 3000}-é`);
  const codes = values.map(code);
  const expected = new Map<string, number>();
  values.forEach((v) => expected.has(v) || expected.set(v, expected.size));
  assert.deepEqual(codes, values.map((v) => expected.get(v)));
  assert.equal(dict.size, 3000);
  assert.deepEqual(dict.values, [...expected.keys()]);
  assert.equal(code(''), 3000, 'the empty string is a value like any other');
  assert.equal(code(''), 3000);
});

test('parseIsoDateBytes: exact form only, real calendar dates only', () => {
  const p = (s: string): number => parseIsoDateBytes(Buffer.from(s), 0, s.length);
  for (const s of ['1970-01-01', '2024-02-29', '2000-02-29', '1899-12-31', '2025-12-31', '0001-01-01']) {
    assert.equal(p(s), Date.parse(`${s}T00:00:00Z`) || Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8)), s);
  }
  assert.equal(p('0001-01-01'), new Date('0001-01-01T00:00:00Z').getTime());
  for (const s of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024/01/01', '2024-01-01T', 'abcd-ef-gh']) {
    assert.ok(Number.isNaN(p(s)), s);
  }
});

test('ByteDictionary.absorb gives the codes reading both parts in one dictionary gives, and closes the dictionary', () => {
  // Big enough that absorb walks the slot table in slot order (more than 2^16 slots).
  const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
  const add = (d: ByteDictionary, s: string): number => {
    const b = bytes(s);
    return d.code(b, 0, b.length);
  };
  const first = Array.from({ length: 60_000 }, (_, i) => `v${(i * 7919) % 50_000}-ü`);
  const second = Array.from({ length: 70_000 }, (_, i) => `v${30_000 + ((i * 104_729) % 60_000)}-ü`);
  const one = new ByteDictionary();
  const expected = [...first, ...second].map((s) => add(one, s));

  const a = new ByteDictionary();
  const b = new ByteDictionary();
  const codesA = first.map((s) => add(a, s));
  const codesB = second.map((s) => add(b, s));
  const map = a.absorb(b.toPart());
  assert.deepEqual([...codesA, ...codesB.map((c) => map[c]!)], expected);
  assert.equal(a.size, one.size);
  assert.deepEqual(a.values, one.values);
  assert.equal(a.hasInnerSpace(), false);
  // Nothing is looked up or added afterwards: the slot table and the hashes are gone.
  assert.throws(() => add(a, 'v45000-ü'), /used after release\(\) or absorb\(\)/);
  assert.throws(() => add(a, 'brand new'), /used after release\(\) or absorb\(\)/);
  assert.throws(() => a.toPart(), /used after release\(\) or absorb\(\)/);
  assert.throws(() => a.absorb(new ByteDictionary().toPart()), /used after release\(\) or absorb\(\)/);
  assert.equal(a.buffers().reduce((n, buf) => n + (buf.byteLength < 1024 ? 1 : 0), 0), 2, 'slots and hashes: small placeholders');
  assert.deepEqual(new ByteDictionary().absorb(new ByteDictionary().toPart()), new Int32Array(0));

  // A part with nothing new, and a part of values all new, keep their codes too.
  const c = new ByteDictionary();
  for (const s of ['x', 'y', 'z']) add(c, s);
  const again = new ByteDictionary();
  for (const s of ['z', 'x']) add(again, s);
  assert.deepEqual([...c.absorb(again.toPart())], [2, 0]);
  assert.deepEqual(c.values, ['x', 'y', 'z']);
  const d = new ByteDictionary();
  add(d, 'x');
  const fresh = new ByteDictionary();
  for (const s of ['q', 'x', '', 'ä'.repeat(80)]) add(fresh, s);
  assert.deepEqual([...d.absorb(fresh.toPart())], [1, 0, 2, 3]);
  assert.deepEqual(d.values, ['x', 'q', '', 'ä'.repeat(80)]);
});

test('ByteDictionary.release frees the byte arrays, keeps the values, and refuses any later use', () => {
  const dict = new ByteDictionary();
  const b = Buffer.from('a,bb,ccc,bb', 'utf8');
  for (const [start, end] of [[0, 1], [2, 4], [5, 8], [9, 11]] as const) dict.code(b, start, end);
  const part = dict.toPart();
  dict.release();
  assert.equal(part.arena.length, 0, 'the arena is detached');
  assert.deepEqual(dict.values, ['a', 'bb', 'ccc']);
  assert.throws(() => dict.code(b, 0, 1), /used after release/);
  assert.throws(() => dict.code(b, 2, 4), /used after release/);
  assert.throws(() => dict.absorb(new ByteDictionary().toPart()), /used after release/);
});

test('ByteDictionary.releaseKeepingPacked: values read like an array, each made when read, and not at all once the bytes are freed', () => {
  const dict = new ByteDictionary();
  const words = ['a', '', 'ünï 😀', 'a b', 'x'.repeat(70), '0'];
  const b = Buffer.from(`${words.join(',')},a,0`, 'utf8');
  let at = 0;
  for (const w of [...words, 'a', '0']) {
    const end = at + Buffer.byteLength(w);
    dict.code(b, at, end);
    at = end + 1;
  }
  const { values, pieces } = dict.releaseKeepingPacked();
  assert.equal(values.length, words.length);
  assert.ok(Array.isArray(values));
  assert.deepEqual([...values], words);
  assert.deepEqual(values.map((v) => v), words);
  assert.deepEqual(Array.from(values.entries()), words.map((w, i) => [i, w]));
  assert.equal(values[2], 'ünï 😀');
  assert.equal(values[6], undefined);
  assert.equal(values.indexOf('a b'), 3);
  assert.ok(values.includes(''));
  assert.ok(values.some((v) => /\s/.test(v.trim())));
  assert.ok(!values.every((v) => v.length < 70));
  assert.ok(1 in values && !(6 in values) && !('1.0' in values));
  assert.deepEqual(Object.keys(values), words.map((_, i) => String(i)));
  assert.equal(JSON.stringify(values), JSON.stringify(words));
  assert.throws(() => values.push('y'), /read-only/);
  assert.throws(() => ((values as string[])[0] = 'z'), /read-only/);
  // The stored form is made from the same bytes; once its last piece is taken they are freed.
  const stored = [...pieces];
  assert.equal(stored.length, 1);
  assert.throws(() => values[0], /read after its bytes were stored and freed/);
  assert.throws(() => [...values], /read after its bytes were stored and freed/);
});

test('ByteDictionary.hasInnerSpace says what /\\s/.test(value.trim()) says of any value', () => {
  const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
  const notSpaces = ['a', 'é', '😀', '\u200b', '\u0085', '\u180e', '-', '0'];
  const values = [''];
  for (const sp of spaces) {
    for (const c of notSpaces) values.push(sp, `${sp}${c}`, `${c}${sp}`, `${sp}${c}${sp}`, `${c}${sp}${c}`, `${c}${sp}${sp}${c}x`, `${sp}${sp}${c}`);
  }
  for (const c of notSpaces) values.push(c, `${c}${c}`);
  const one = (v: string): ByteDictionary => {
    const dict = new ByteDictionary();
    const b = Buffer.from(v, 'utf8');
    dict.code(b, 0, b.length);
    return dict;
  };
  for (const v of values) assert.equal(one(v).hasInnerSpace(), /\s/.test(v.trim()), JSON.stringify(v));
  const all = new ByteDictionary();
  for (const v of values.filter((x) => !/\s/.test(x.trim()))) all.code(Buffer.from(v), 0, Buffer.byteLength(v));
  assert.equal(all.hasInnerSpace(), false);
  all.code(Buffer.from('x y'), 0, 3);
  assert.equal(all.hasInnerSpace(), true);
});

test('ByteDictionary.absorb and valuesWith call their check now and then, and a check that throws (Cancel) stops them', () => {
  const fill = (d: ByteDictionary, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const b = Buffer.from(`v${i}`);
      d.code(b, 0, b.length);
    }
  };
  const a = new ByteDictionary();
  fill(a, 0, 1000);
  const b = new ByteDictionary();
  fill(b, 500, 300_000);
  let checks = 0;
  a.absorb(b.toPart(), () => checks++);
  // Looking up the part's ~300,000 values, a check every 65,536.
  assert.ok(checks >= 4, `${checks} checks`);
  let segments = 0;
  assert.equal(a.valuesWith(() => segments++).length, 300_000);
  assert.equal(segments, 1, 'one segment of strings, one check');

  const c = new ByteDictionary();
  fill(c, 0, 10);
  const cancelled = (): never => {
    throw new Error('cancelled');
  };
  assert.throws(() => c.absorb(b.toPart(), cancelled), /cancelled/);
  const d = new ByteDictionary();
  fill(d, 0, 10);
  assert.throws(() => d.valuesWith(cancelled), /cancelled/);
});

test('ByteDictionary.reserve sizes everything once: no array is replaced while the values fit, and the codes are the same', () => {
  const values = Array.from({ length: 500 }, (_, i) => `value number ${i} ü`);
  const plain = new ByteDictionary();
  const sized = new ByteDictionary();
  sized.code(Buffer.from('first'), 0, 5);
  plain.code(Buffer.from('first'), 0, 5);
  sized.reserve(2000, 50_000, 500);
  const [slots, hashes, starts, ends, arena] = sized.buffers();
  assert.equal(slots!.byteLength, 2 * 1024 * 4, '1.5 slots per value expected, a power of two');
  assert.ok(starts!.byteLength >= 2000 * 4 && arena!.byteLength >= 50_000);
  for (const v of values) {
    const b = Buffer.from(v);
    assert.equal(sized.code(b, 0, b.length), plain.code(b, 0, b.length));
  }
  assert.deepEqual(sized.buffers(), [slots, hashes, starts, ends, arena], 'nothing grown');
  assert.deepEqual(sized.values, plain.values);
  // Past half full the table still doubles, and values past the reserved room still fit.
  for (let i = 0; i < 3000; i++) {
    const b = Buffer.from(`more ${i}`);
    assert.equal(sized.code(b, 0, b.length), plain.code(b, 0, b.length));
  }
  assert.deepEqual(sized.values, plain.values);
  assert.notEqual(sized.buffers()[0], slots);
  // It never shrinks.
  const before = sized.buffers();
  sized.reserve(10, 10, 10);
  assert.deepEqual(sized.buffers(), before);
});
