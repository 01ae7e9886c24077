/**
 * The parts of the SARIF 2.1.0 schema (https://json.schemastore.org/sarif-2.1.0.json, OASIS
 * sarif-schema-2.1.0) that a code-scanning upload depends on, transcribed with their own
 * constraints: the required properties of sarifLog, run, tool, toolComponent, reportingDescriptor,
 * result, message, location, physicalLocation, artifactLocation and region, the enums (level,
 * version), and the minimums (startLine >= 1, ruleIndex >= -1). There is no network here to fetch
 * the full schema; what the audit writes beyond these parts is optional in SARIF.
 */
const message = {
  type: 'object',
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
  properties: {
    text: { type: 'string' },
    id: { type: 'string' },
    markdown: { type: 'string' },
    arguments: { type: 'array', items: { type: 'string' } },
  },
};

const multiformatMessage = { type: 'object', required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' } } };

const artifactLocation = {
  type: 'object',
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    uriBaseId: { type: 'string' },
    index: { type: 'integer', minimum: -1 },
    description: message,
  },
};

const region = {
  type: 'object',
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    charOffset: { type: 'integer', minimum: -1 },
    charLength: { type: 'integer', minimum: 0 },
    message,
  },
};

const physicalLocation = {
  type: 'object',
  anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
  properties: { artifactLocation, region, contextRegion: region, address: { type: 'object' } },
};

const location = {
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: -1 },
    physicalLocation,
    message,
    logicalLocations: { type: 'array' },
    annotations: { type: 'array', items: region },
  },
};

const reportingConfiguration = {
  type: 'object',
  properties: {
    enabled: { type: 'boolean' },
    level: { enum: ['none', 'note', 'warning', 'error'] },
    rank: { type: 'number', minimum: -1, maximum: 100 },
    parameters: { type: 'object' },
  },
};

const reportingDescriptor = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortDescription: multiformatMessage,
    fullDescription: multiformatMessage,
    help: multiformatMessage,
    helpUri: { type: 'string', format: 'uri' },
    defaultConfiguration: reportingConfiguration,
    properties: { type: 'object' },
  },
};

const toolComponent = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    version: { type: 'string' },
    semanticVersion: { type: 'string' },
    informationUri: { type: 'string', format: 'uri' },
    rules: { type: 'array', uniqueItems: true, items: reportingDescriptor },
  },
};

const result = {
  type: 'object',
  required: ['message'],
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
    level: { enum: ['none', 'note', 'warning', 'error'] },
    message,
    locations: { type: 'array', uniqueItems: false, items: location },
    relatedLocations: { type: 'array', uniqueItems: true, items: location },
    partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
    properties: { type: 'object' },
  },
};

export const sarifSubsetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: { driver: toolComponent, extensions: { type: 'array', items: toolComponent } },
          },
          results: { type: ['array', 'null'], items: result },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          originalUriBaseIds: { type: 'object', additionalProperties: artifactLocation },
        },
      },
    },
  },
} as const;
