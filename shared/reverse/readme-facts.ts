import { HOST_ACCESS_LEVELS } from '../config/project-config.js';
import type { AccessLevel, SpecExample } from '../spec/command-spec.js';

/** What a command's README states that the code does not. */
export interface ReadmeFacts {
  readonly description?: string;
  readonly accessLevel?: AccessLevel;
  readonly examples: readonly SpecExample[];
  /**
   * Fields documented as integers (`number` (integer) in a type column), as `params.<f>`,
   * `results.<f>` or `<TypeName>.<f>`: TypeScript writes both integer and number as `number`.
   */
  readonly integerFields: ReadonlySet<string>;
}

/** Split a markdown table row into cells, honouring `\|` escapes. */
function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return undefined;
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (ch === '\\' && trimmed[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') cells.push(current.trim());
  return cells;
}

const codeName = (cell: string): string | undefined => /^`([A-Za-z_$][A-Za-z0-9_$]*)`$/.exec(cell.trim())?.[1];

interface Section {
  readonly level: number;
  readonly title: string;
  readonly lines: string[];
}

function sections(text: string): Section[] {
  const out: Section[] = [{ level: 0, title: '', lines: [] }];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) out.push({ level: heading[1].length, title: heading[2], lines: [] });
    else out[out.length - 1].lines.push(line);
  }
  return out;
}

/** The first paragraph under the title heading: the command's one-sentence description. */
function firstParagraph(lines: readonly string[]): string | undefined {
  const paragraph: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (trimmed.startsWith('|') || trimmed.startsWith('```') || trimmed.startsWith('>') || trimmed.startsWith('<')) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(trimmed);
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/**
 * The access level: on the line that says "access level" (`| Access level | ai-safe |`,
 * `**Access level:** system`), or, under an "Access Level" heading, in the first line of text
 * after it (the host's layout: `## Access Level`, a blank line, `**ai-safe**`).
 */
function accessLevelIn(text: string, levels: readonly string[]): AccessLevel | undefined {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = (segment: string): AccessLevel | undefined =>
    levels
      .map((level) => ({ level, at: segment.search(new RegExp(`(^|[^a-z-])${escape(level)}($|[^a-z-])`, 'i')) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at || b.level.length - a.level.length)[0]?.level;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].search(/access[\s_-]*level/i);
    if (at < 0) continue;
    const found = first(lines[i].slice(at + 'access level'.length));
    if (found) return found;
    if (/^\s*#{1,6}\s/.test(lines[i])) {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      const under = next && !/^\s*#{1,6}\s/.test(next) ? first(next) : undefined;
      if (under) return under;
    }
  }
  return undefined;
}

/** Examples: a text line (its trailing colon dropped), the fenced command under it, an optional `Expected:` line. */
function examplesIn(lines: readonly string[]): SpecExample[] {
  const examples: SpecExample[] = [];
  let description: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith('```'); i++) body.push(lines[i]);
      const command = body
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .join('\n');
      if (command === '') continue;
      let expectedResult: string | undefined;
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      const expected = j < lines.length ? /^\s*(?:\*\*)?Expected(?: result)?:?(?:\*\*)?:?\s*(.*)$/i.exec(lines[j]) : null;
      if (expected && expected[1].trim() !== '') {
        expectedResult = expected[1].trim().replace(/^`([^`]*)`$/, '$1');
        i = j;
      }
      examples.push({ description: description ?? command, command, ...(expectedResult === undefined ? {} : { expectedResult }) });
      description = undefined;
    } else if (trimmed !== '') {
      description = trimmed
        .replace(/^[-*]\s+/, '')
        .replace(/^\*\*(.*)\*\*$/, '$1')
        .replace(/:$/, '')
        .trim();
    }
  }
  return examples;
}

/** Fields whose type cell says integer, from one table. */
function integerRows(lines: readonly string[], owner: string, into: Set<string>): void {
  for (const line of lines) {
    const cells = tableCells(line);
    if (!cells || cells.length < 2) continue;
    const name = codeName(cells[0]);
    if (name && /\(integer\)|`integer`/.test(cells[1])) into.add(`${owner}.${name}`);
  }
}

/**
 * Read the facts of a command README (the generator's layout, and the looser shapes hand-written
 * READMEs take: an "Access level" line anywhere, examples as text + fenced command).
 */
export function readReadme(text: string, accessLevels: readonly string[] = HOST_ACCESS_LEVELS): ReadmeFacts {
  const all = sections(text);
  const title = all.find((s) => s.level === 1);
  const description = title ? firstParagraph(title.lines) : undefined;
  const integerFields = new Set<string>();
  const examples: SpecExample[] = [];
  let inTypes = false;
  let inExamples = false;
  for (const section of all) {
    const heading = section.title.toLowerCase();
    if (section.level === 2) {
      inTypes = heading === 'types';
      inExamples = /^examples?$/.test(heading);
    }
    if (section.level === 2 && /^param/.test(heading)) integerRows(section.lines, 'params', integerFields);
    else if (section.level === 2 && /^result/.test(heading)) integerRows(section.lines, 'results', integerFields);
    else if (section.level === 3 && inTypes) {
      const typeName = /^`?([A-Za-z_$][A-Za-z0-9_$]*)`?$/.exec(section.title)?.[1];
      if (typeName) integerRows(section.lines, typeName, integerFields);
    } else if (inExamples) {
      // Hand-written READMEs often give each example a heading of its own.
      examples.push(...examplesIn(section.level === 2 ? section.lines : [section.title, ...section.lines]));
    }
  }
  return { description, accessLevel: accessLevelIn(text, accessLevels), examples, integerFields };
}
