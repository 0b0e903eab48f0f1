import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** A validator for export lines built from schema/export.schema.json. */
export function exportValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/export.schema.json', import.meta.url), 'utf8')));
  return (rec: unknown): string | null => (validate(rec) ? null : ajv.errorsText(validate.errors));
}
