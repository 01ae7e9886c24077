/**
 * Build step: compile the package's JSON schemas to standalone validator code next to this
 * file (dist/shared/spec/precompiled-validators.cjs), tagged with the schemas' fingerprint.
 * Every run then skips ajv's compiler, the largest part of a single spec's cost.
 */
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { PRECOMPILED_VALIDATORS } from './precompiled-validators.js';
import { SCHEMA_NAMES, createSchemaAjv, schemasFingerprint } from './schema-validation.js';

const ajv = createSchemaAjv({ code: { source: true } });
const code = standaloneCode.default(ajv, Object.fromEntries(SCHEMA_NAMES.map((name) => [name, `${name}.schema.json`])));
writeFileSync(PRECOMPILED_VALIDATORS, `${code}\nmodule.exports.schemasFingerprint = ${JSON.stringify(schemasFingerprint())};\n`);
