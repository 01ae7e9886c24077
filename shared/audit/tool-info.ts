import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { ToolInfo } from './report.js';

/** This package as the reports name it (JSON `tool`, SARIF `driver`). */
export function toolInfo(): ToolInfo {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: manifest.name, version: manifest.version, informationUri: 'https://github.com/CambrianTech/generator-continuum' };
}
