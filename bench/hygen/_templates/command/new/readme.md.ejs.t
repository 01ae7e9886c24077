---
to: src/commands/<%= name %>/README.md
unless_exists: true
---
# <%= name %>

Benchmark command <%= name %>

| | |
|---|---|
| Command | `<%= name %>` |
| Class | `<%= className %>` |
| Environment | server |
| Access level | internal |

## Usage

### CLI

```bash
./jtag <%= name %>
```

### TypeScript

Always go through the static accessor:

```typescript
import { <%= className %> } from '@commands/<%= name %>/shared/<%= className %>Types';

const result = await <%= className %>.execute({ target: '' });
```

## Parameters

| Name | Type | Required | Default | Description |
|---|---|---|---|---|
| `target` | `string` | yes |  | What to act on |
| `mode` | `<%= className %>Mode` ('fast' \| 'safe') | no | `"safe"` | How |
| `limit` | `number` (integer) | no | `10` |  |
| `tags` | `Record<string, string>` | no |  |  |

## Result

`<%= className %>Result` carries `success: boolean` and `error?: JTAGError`, plus:

| Name | Type | Required | Description |
|---|---|---|---|
| `count` | `number` (integer) | yes | How many |
| `note` | `string \| null` | yes |  |

Optional fields (`f?: T`) may be absent; nullable fields (`T | null`) are always present and may be `null`.

## Types

### `<%= className %>Mode`

`'fast'`, `'safe'`. Exported as the type `<%= className %>Mode`, the list `<%= className %>ModeValues` and the guard `is<%= className %>Mode`.

## Examples

Run it:

```bash
./jtag <%= name %>
```

## Testing

```bash
# Unit tests (no running system needed)
npx tsx src/commands/<%= name %>/test/unit/<%= className %>Command.test.ts

# Integration tests (start the system first)
npx tsx src/commands/<%= name %>/test/integration/<%= className %>Integration.test.ts
```

## Files

- `shared/<%= className %>Types.ts`: params, result, factories, static accessor
- `server/<%= className %>ServerCommand.ts`: server implementation (fill in the `TODO`)
- `test/unit/<%= className %>Command.test.ts`, `test/integration/<%= className %>Integration.test.ts`

Generated from the spec `<%= name %>`. Change the spec and regenerate; do not edit the generated parts by hand.
