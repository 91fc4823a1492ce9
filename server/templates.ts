import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate, type Template } from '../lib/templates/schema';

/**
 * Reads and validates every template in `dir` (seeds/templates). A bad file stops the
 * start: the thrown error names the file and the field.
 */
export function loadTemplates(dir: string): Map<string, Template> {
  const templates = new Map<string, Template>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new Error(`Template ${file}: not valid JSON: ${(err as Error).message}`);
    }
    const template = parseTemplate(file, json);
    if (`${template.id}.json` !== file) {
      throw new Error(`Template ${file}: field id: must match the file name (${template.id})`);
    }
    templates.set(template.id, template);
  }
  return templates;
}
