---
to: src/generator/specs/<%= fileName %>.json
unless_exists: true
---
{
  "version": 2,
  "name": "<%= name %>",
  "description": "Benchmark command <%= name %>",
  "environment": "server",
  "accessLevel": "internal",
  "params": [
    {
      "name": "target",
      "type": "string",
      "description": "What to act on"
    },
    {
      "name": "mode",
      "type": "'fast' | 'safe'",
      "optional": true,
      "default": "safe",
      "description": "How"
    },
    {
      "name": "limit",
      "type": "integer",
      "optional": true,
      "default": 10
    },
    {
      "name": "tags",
      "type": "Record<string, string>",
      "optional": true
    }
  ],
  "results": [
    {
      "name": "count",
      "type": "integer",
      "description": "How many"
    },
    {
      "name": "note",
      "type": "string | null"
    }
  ],
  "examples": [
    {
      "description": "Run it",
      "command": "./jtag <%= name %>"
    }
  ]
}
