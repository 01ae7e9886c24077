import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPart } from '../../shared/adapters/target.js';
import {
  sidesOf,
  typeScriptCommandPart,
  type ServerCommandParts,
  type ServerImplementation,
} from '../../shared/adapters/typescript-command/index.js';
import { resolveProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { repoRoot } from '../support/paths.js';

const config = resolveProjectConfig({});
const model = generateCommand({
  specText: readFileSync(join(repoRoot, 'specs', 'docs-read.json'), 'utf8'),
  specFile: 'docs-read.json',
  config,
}).model;

/** A composing adapter that is not rust-ipc: the server forwards to an HTTP service. */
function httpProxy(seen: ServerCommandParts[]): ServerImplementation {
  return {
    about: ['The logic lives in the docs service; this command forwards to it over HTTP.'],
    base: {
      imports: ["import { HttpBackedCommand } from '@acme/http-backed';", "import type { ICommandDaemon } from '@acme/daemon';"],
      extends: 'HttpBackedCommand<DocsReadParams, DocsReadResult>',
      checksRequiredParams: true,
      refusesBlankStrings: false,
    },
    imports: ["import { docsClient } from '@acme/docs-client';"],
    typesValues: ['createDocsReadResultFromParams'],
    body: (parts) => {
      seen.push(parts);
      return `  protected override forward(params: ${parts.className}Params) {\n    return docsClient.read(params);\n  }`;
    },
    readme: { serverFile: 'forwards to the docs service', section: ['## Docs service', '', 'Served by `docs-service`.'] },
    unitTestNote: ['execute needs the docs service: the integration test covers it.'],
  };
}

/** The command's files, planned as the part a composition makes of it. */
const planCommand = (server?: ServerImplementation) =>
  planPart(typeScriptCommandPart({ sides: sidesOf('server'), ...(server ? { server } : {}) }), model, config).files;

const fileOf = (files: ReturnType<typeof planCommand>, suffix: string): string => files.find((f) => f.path.endsWith(suffix))!.content;

describe('the TypeScript command’s server slot (ServerImplementation) composes with any backing, not only rust-ipc', () => {
  it('lays out what the slot holds: base class, imports, body, README and unit-test notes; the body gets the type checks without presence checks', () => {
    const seen: ServerCommandParts[] = [];
    const files = planCommand(httpProxy(seen));
    const server = fileOf(files, 'DocsReadServerCommand.ts');
    assert.match(server, /^ \* The logic lives in the docs service; this command forwards to it over HTTP\.$/m);
    assert.match(
      server,
      /^import \{ HttpBackedCommand \} from '@acme\/http-backed';\nimport type \{ ICommandDaemon \} from '@acme\/daemon';\n/m,
    );
    assert.match(server, /^import \{ docsClient \} from '@acme\/docs-client';$/m);
    assert.match(server, /^import \{ createDocsReadResultFromParams, isDocsReadFormat \} from /m);
    assert.match(server, /export class DocsReadServerCommand extends HttpBackedCommand<DocsReadParams, DocsReadResult> \{/);
    assert.match(
      server,
      /^ {2}protected override forward\(params: DocsReadParams\) \{\n {4}return docsClient\.read\(params\);\n {2}\}\n\}\n$/m,
    );
    assert.doesNotMatch(server, /TODO|CommandBase/);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].className, 'DocsRead');
    assert.ok(
      seen[0].validationBlocks.length > 0 && seen[0].validationBlocks.every((b) => !b.includes("'is required'")),
      seen[0].validationBlocks.join('\n---\n'),
    );
    const readme = fileOf(files, 'README.md');
    assert.match(readme, /^- `server\/DocsReadServerCommand\.ts`: forwards to the docs service$/m);
    assert.match(readme, /\n\n## Docs service\n\nServed by `docs-service`\.\n\nGenerated from the spec/);
    assert.match(fileOf(files, 'DocsReadCommand.test.ts'), /^ {2}\/\/ execute needs the docs service: the integration test covers it\.$/m);
  });

  it('the control: without a slot the server holds the placeholder implementation and checks presence itself', () => {
    const server = fileOf(planCommand(), 'DocsReadServerCommand.ts');
    assert.match(server, /extends CommandBase<DocsReadParams, DocsReadResult>/);
    assert.match(server, /TODO\(docs\/read\): implement/);
    assert.match(server, /throw new ValidationError\('path', 'is required'\);/);
    assert.doesNotMatch(server, /docsClient|HttpBackedCommand/);
  });
});
