import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG017-folder-name-mismatch',
  severity: 'warning',
  scope: 'command',
  pattern: false,
  description:
    "A command folder's path and the name its code gives the command (accessor, commandName, super()) disagree: a folder copied from another command, or one moved.",
  help: 'Rename the command in its code (accessor and classes) to the folder path, or move the folder to where its name says.',
  summary: (c) => `${plural(c, 'command folder')} whose code names another command`,
  label: 'folder and name disagree',
  check(context, report) {
    for (const { judged, result, name, folderName, folder, typesFile, facts, about } of context.reads) {
      if (!judged || result.status !== 'reversed' || name === folderName || !folder.startsWith(`${context.config.roots.commands}/`))
        continue;
      report(
        { file: typesFile ?? folder, line: facts?.accessor?.line ?? 1 },
        `${folder} is named ${JSON.stringify(name)} by its code, not ${JSON.stringify(folderName)} as its path says (a copied or moved folder?)`,
        { ...about, properties: { folderName, codeName: name } },
      );
    }
  },
});
