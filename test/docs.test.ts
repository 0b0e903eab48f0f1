/** The repository documents itself (#16): the export contract lives in docs/, the README's error table is complete. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('documentation', () => {
  it('documents the export contract in the repository and links it from the README', () => {
    const readme = read('README.md');
    expect(readme).not.toMatch(/\.\.\/shared\//);
    expect(readme).toContain('](docs/CONTRACT.md)');
    const contract = read('docs/CONTRACT.md');
    const schema = JSON.parse(read('schema/export.schema.json'));
    // every record type and every field the JSON Schema knows is described
    const fields = new Set<string>();
    const walk = (x: unknown) => {
      if (!x || typeof x !== 'object') return;
      const props = (x as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) fields.add(k);
      for (const v of Object.values(x)) walk(v);
    };
    walk(schema);
    for (const t of schema.properties.type.enum as string[]) expect(contract, t).toContain(`\`${t}\``);
    for (const f of fields) expect(contract, f).toMatch(new RegExp(`["\`]${f}["\`]`));
  });

  it("lists every ingest error code in the README's table", () => {
    const codes = [...read('src/core/errors.ts').matchAll(/^\s*(E1\d\d):/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    const readme = read('README.md');
    for (const c of codes) expect(readme, c).toMatch(new RegExp(`^\\| ${c}\\b|^\\| E\\d{3} / ${c}\\b`, 'm'));
  });
});
