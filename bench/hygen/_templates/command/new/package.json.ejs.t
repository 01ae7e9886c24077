---
to: src/commands/<%= name %>/package.json
unless_exists: true
---
{
  "name": "@jtag-commands/<%= name %>",
  "version": "1.0.0",
  "description": "Benchmark command <%= name %>",
  "main": "server/<%= className %>ServerCommand.ts",
  "types": "shared/<%= className %>Types.ts",
  "scripts": {
    "test": "npm run test:unit && npm run test:integration",
    "test:unit": "npx tsx test/unit/<%= className %>Command.test.ts",
    "test:integration": "npx tsx test/integration/<%= className %>Integration.test.ts"
  },
  "files": [
    "shared/**/*.ts",
    "server/**/*.ts",
    "README.md"
  ],
  "keywords": [
    "jtag",
    "command",
    "chat",
    "send"
  ],
  "license": "MIT"
}
