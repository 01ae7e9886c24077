// Plop's generator for the bench's eight-file job: the files of one server command, from Handlebars templates.
const FILES = [
  ['src/commands/{{name}}/.npmignore', 'npmignore.hbs'],
  ['src/commands/{{name}}/README.md', 'readme.md.hbs'],
  ['src/commands/{{name}}/package.json', 'package.json.hbs'],
  ['src/commands/{{name}}/server/{{pascalCase name}}ServerCommand.ts', 'server-command.ts.hbs'],
  ['src/commands/{{name}}/shared/{{pascalCase name}}Types.ts', 'types.ts.hbs'],
  ['src/commands/{{name}}/test/integration/{{pascalCase name}}Integration.test.ts', 'integration-test.ts.hbs'],
  ['src/commands/{{name}}/test/unit/{{pascalCase name}}Command.test.ts', 'unit-test.ts.hbs'],
  ['src/generator/specs/{{kebabCase name}}.json', 'spec.json.hbs'],
];

export default function (plop) {
  // 'chat/send' -> 'Chat Send' (Plop's titleCase keeps the slash).
  plop.setHelper('title', (name) => name.split(/[/-]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' '));
  plop.setGenerator('command', {
    description: 'one server command',
    prompts: [{ type: 'input', name: 'name', message: 'command name (e.g. chat/send)' }],
    actions: FILES.map(([path, template]) => ({ type: 'add', path, templateFile: `templates/${template}`, skipIfExists: true })),
  });
}
