import { strict as assert } from 'node:assert';
import { defaultProjectConfig, resolveProjectConfig } from '../../shared/config/project-config.js';
import { generateCommand } from '../../shared/engine.js';
import { SpecError, type SpecIssue } from '../../shared/errors.js';
import { makeHostProject, removeHostProjects, typeCheckHost } from '../support/host-project.js';

const spec = (extra: Record<string, unknown>): string =>
  JSON.stringify(
    { version: 2, name: 'tools/lint', description: 'Lint a file', params: [{ name: 'path', type: 'string' }], ...extra },
    null,
    2,
  );

function issuesOf(text: string, config = defaultProjectConfig): SpecIssue[] {
  try {
    generateCommand({ specText: text, specFile: 'specs/tools-lint.json', config });
  } catch (error) {
    if (error instanceof SpecError) return [...error.issues];
    throw error;
  }
  assert.fail('expected the spec to be refused');
}

const typesFile = (text: string, config = defaultProjectConfig): string =>
  generateCommand({ specText: text, specFile: 'specs/tools-lint.json', config }).files.find((f) =>
    f.path.endsWith('shared/ToolsLintTypes.ts'),
  )!.content;

describe('host conventions come from the project config (payload fields, access levels)', () => {
  after(removeHostProjects);

  it('a result error the code declares as string replaces the host convention (error?: JTAGError), and the JTAGError import goes', () => {
    const text = spec({
      results: [
        { name: 'issues', type: 'integer' },
        { name: 'error', type: 'string', optional: true, description: 'What went wrong' },
      ],
    });
    const types = typesFile(text);
    assert.match(types, /success: boolean;\n {2}issues: number;\n {2}\/\*\* What went wrong \*\/\n {2}error\?: string;\n\}/);
    assert.doesNotMatch(types, /JTAGError/);
    // Without the override the convention stays, with its import.
    assert.match(typesFile(spec({ results: [{ name: 'issues', type: 'integer' }] })), /issues: number;\n {2}error\?: JTAGError;\n\}/);
  });

  it('server code that assigns a string error compiles against the regenerated Types file (and fails against the convention)', () => {
    const server = (types: string) => [
      { path: 'src/commands/tools/lint/shared/ToolsLintTypes.ts', content: types },
      {
        path: 'src/commands/tools/lint/server/Check.ts',
        content:
          "import type { ToolsLintResult } from '../shared/ToolsLintTypes';\nexport const failed = (base: Pick<ToolsLintResult, 'context' | 'sessionId'>): ToolsLintResult => ({ ...base, success: false, issues: 0, error: 'no such file' });\n",
      },
    ];
    const kept = typeCheckHost(
      makeHostProject(
        server(
          typesFile(
            spec({
              results: [
                { name: 'issues', type: 'integer' },
                { name: 'error', type: 'string', optional: true },
              ],
            }),
          ),
        ),
      ),
    );
    assert.equal(kept.status, 0, kept.output);
    const convention = typeCheckHost(makeHostProject(server(typesFile(spec({ results: [{ name: 'issues', type: 'integer' }] })))));
    assert.notEqual(convention.status, 0, 'the control: a string is not a JTAGError');
    assert.match(convention.output, /error/);
  });

  it('the conventions themselves are config: a project whose results carry no error writes none', () => {
    const config = resolveProjectConfig({ payload: { resultConventions: [{ name: 'success', type: 'boolean' }] } });
    const types = typesFile(spec({ results: [{ name: 'issues', type: 'integer' }] }), config);
    assert.doesNotMatch(types, /error\?/);
    assert.doesNotMatch(types, /JTAGError/);
  });

  it('a field the payload base declares is refused, from config too', () => {
    const config = resolveProjectConfig({ payload: { paramsFields: ['context', 'sessionId', 'userId', 'tenant'] } });
    const [issue] = issuesOf(spec({ params: [{ name: 'tenant', type: 'string' }] }), config);
    assert.equal(issue.pointer, '/params/0/name');
    assert.match(issue.message, /'tenant' is already part of every CommandParams/);
  });

  it("the host's access levels are accepted (owner-only, admin, human-only, owner)", () => {
    for (const level of ['ai-safe', 'internal', 'system', 'dangerous', 'owner-only', 'admin', 'human-only', 'owner']) {
      const readme = generateCommand({
        specText: spec({ accessLevel: level }),
        specFile: 'x.json',
        config: defaultProjectConfig,
      }).files.find((f) => f.path.endsWith('README.md'))!.content;
      assert.match(readme, new RegExp(`\\| Access level \\| ${level} \\|`));
    }
  });

  it('an access level outside the config is refused at /accessLevel with line:column, the allowed list and the closest one', () => {
    const text = spec({ accessLevel: 'owner_only' });
    const [issue] = issuesOf(text);
    assert.equal(issue.pointer, '/accessLevel');
    assert.equal(issue.line, text.split('\n').findIndex((l) => l.includes('"accessLevel"')) + 1);
    assert.equal(issue.found, '"owner_only"');
    assert.match(
      issue.expected ?? '',
      /one of ai-safe, internal, system, dangerous, owner-only, admin, human-only, owner \(closest: owner-only/,
    );
  });

  it("a project's own access levels replace the host's", () => {
    const config = resolveProjectConfig({ accessLevels: ['public', 'internal'] });
    assert.doesNotThrow(() => generateCommand({ specText: spec({ accessLevel: 'public' }), specFile: 'x.json', config }));
    assert.equal(issuesOf(spec({ accessLevel: 'ai-safe' }), config)[0].pointer, '/accessLevel');
  });

  it('a schema error and a bad access level are reported together', () => {
    const issues = issuesOf(spec({ accessLevel: 'public', environment: 'cloud' }));
    assert.deepEqual(issues.map((i) => i.pointer).sort(), ['/accessLevel', '/environment']);
  });

  it('in one pass with the schema and type problems, in file order, with a did-you-mean', () => {
    const fields = { params: [{ name: 'path', type: 'strng' }] };
    const first = issuesOf(
      JSON.stringify({ version: 2, name: 'docs/read', description: 'Read', accessLevel: 'ownr', environment: 'cloud', ...fields }, null, 2),
    );
    assert.deepEqual(
      first.map((i) => i.pointer),
      ['/accessLevel', '/environment', '/params/0/type'],
    );
    assert.equal(first[0].suggestion, 'owner');
    const second = issuesOf(
      JSON.stringify({ version: 2, name: 'docs/read', description: 'Read', environment: 'cloud', accessLevel: 'ownr', ...fields }, null, 2),
    );
    assert.deepEqual(
      second.map((i) => i.pointer),
      ['/environment', '/accessLevel', '/params/0/type'],
    );
  });
});

describe('the generated unit test compiles when a required param has no sample value (TS6133 under noUnusedLocals)', () => {
  after(removeHostProjects);

  it('a required param of an imported type: no unused helper, and tsc --strict --noUnusedLocals passes', () => {
    const imports = [{ name: 'JTAGEnvironment', from: '@system/core/types/JTAGTypes' }];
    const text = JSON.stringify({
      version: 2,
      name: 'user/touch',
      description: 'Touch a user',
      imports,
      params: [{ name: 'where', type: 'JTAGEnvironment' }],
      results: [{ name: 'touched', type: 'boolean' }],
    });
    const result = generateCommand({ specText: text, specFile: 'user-touch.json', config: defaultProjectConfig });
    const unit = result.files.find((f) => f.path.endsWith('UserTouchCommand.test.ts'))!.content;
    assert.doesNotMatch(unit, /function paramsOf/, 'no sample input: the helper is not written');
    const run = typeCheckHost(makeHostProject(result.files.filter((f) => !f.path.endsWith('.json'))));
    assert.equal(run.status, 0, run.output);
  });

  it('a required UUID param has a sample (generateUUID()): the helper is written and used, and tsc passes', () => {
    const text = JSON.stringify({
      version: 2,
      name: 'user/touch',
      description: 'Touch a user',
      params: [{ name: 'userRef', type: 'UUID' }],
      results: [{ name: 'touched', type: 'boolean' }],
    });
    const result = generateCommand({ specText: text, specFile: 'user-touch.json', config: defaultProjectConfig });
    const unit = result.files.find((f) => f.path.endsWith('UserTouchCommand.test.ts'))!.content;
    assert.match(unit, /paramsOf\(\{ userRef: generateUUID\(\) \}\)/);
    const run = typeCheckHost(makeHostProject(result.files.filter((f) => !f.path.endsWith('.json'))));
    assert.equal(run.status, 0, run.output);
  });
});
