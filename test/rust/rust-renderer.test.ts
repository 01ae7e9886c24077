import { strict as assert } from 'node:assert';
import type { FieldModel, InterfaceDeclaration } from '../../shared/model/command-model.js';
import { splitTupleType } from '../../shared/model/resolve-traits.js';
import { rustUseLines } from '../../shared/adapters/rust-shared/rust-uses.js';
import {
  recursiveFields,
  renderRustField,
  renderRustType,
  rustFieldName,
  rustNames,
  rustVariantName,
  serdeCamelCase,
} from '../../shared/render/rust-renderer.js';
import { tsRsDeclaration, tsRsInlineType } from '../../shared/render/ts-rs-renderer.js';
import { parseTypeString } from '../../shared/types/type-grammar.js';

const names = rustNames([
  { name: 'UUID', from: '@system/core/types/CrossPlatformUUID', rust: 'String' },
  { name: 'PressureLevel', from: '@shared/generated/system/PressureLevel', rust: 'crate::system::pressure::PressureLevel' },
]);
const field = (name: string, type: string, extra: Partial<FieldModel> = {}): FieldModel => ({
  name,
  type: parseTypeString(type),
  optional: false,
  pointer: `/types/T/fields/${name}`,
  ...extra,
});

describe('Rust renderer: names', () => {
  it('snake_cases fields and renames only where rename_all camelCase does not give the wire name back', () => {
    assert.deepEqual(rustFieldName('gpuName'), { ident: 'gpu_name' });
    assert.deepEqual(rustFieldName('totalVramMb'), { ident: 'total_vram_mb' });
    assert.deepEqual(rustFieldName('gpuID'), { ident: 'gpu_id', rename: 'gpuID' });
    assert.deepEqual(rustFieldName('URL'), { ident: 'url', rename: 'URL' });
    assert.deepEqual(rustFieldName('_private'), { ident: 'private', rename: '_private' });
    assert.deepEqual(rustFieldName('snake_name'), { ident: 'snake_name', rename: 'snake_name' });
    assert.deepEqual(rustFieldName('layer2Cache'), { ident: 'layer2_cache', rename: 'layer2Cache' });
  });

  it('renders Rust keywords safely: r#type, and self_ / crate_ with a rename where raw identifiers are refused', () => {
    assert.deepEqual(rustFieldName('type'), { ident: 'r#type' });
    assert.deepEqual(rustFieldName('match'), { ident: 'r#match' });
    assert.deepEqual(rustFieldName('gen'), { ident: 'r#gen' }, 'edition 2024 reserves gen');
    assert.deepEqual(rustFieldName('self'), { ident: 'self_', rename: 'self' });
    assert.deepEqual(rustFieldName('crate'), { ident: 'crate_', rename: 'crate' });
    assert.deepEqual(rustFieldName('super'), { ident: 'super_', rename: 'super' });
    assert.equal(serdeCamelCase('r#type'), 'type', 'serde strips r#');
  });

  it('turns enum values into variant names', () => {
    assert.deepEqual(['inference', 'read-only', 'read_write', '2d', 'Self', ''].map(rustVariantName), [
      'Inference',
      'ReadOnly',
      'ReadWrite',
      'V2d',
      'Self_',
      'Empty',
    ]);
  });
});

describe('Rust renderer: types (type-mapping.md)', () => {
  const rust = (text: string): string => renderRustType(parseTypeString(text), names);

  it('maps the grammar', () => {
    assert.equal(rust('string'), 'String');
    assert.equal(rust('number'), 'f64');
    assert.equal(rust('integer'), 'i64');
    assert.equal(rust('boolean'), 'bool');
    assert.equal(rust('string[]'), 'Vec<String>');
    assert.equal(rust('Array<number | null>'), 'Vec<Option<f64>>');
    assert.equal(rust('Record<string, integer[]>'), 'BTreeMap<String, Vec<i64>>');
    assert.equal(rust('UUID'), 'String');
    assert.equal(rust('PressureLevel | null'), 'Option<PressureLevel>');
  });

  it('writes optional fields with serde default/skip and ts(optional), nullable ones as a bare Option, integers with ts(type)', () => {
    const ctx = { names, boxed: new Set<FieldModel>() };
    assert.deepEqual(renderRustField(field('subsystem', 'string', { optional: true }), ctx, ''), [
      '#[serde(default, skip_serializing_if = "Option::is_none")]',
      '#[ts(optional)]',
      'pub subsystem: Option<String>,',
    ]);
    assert.deepEqual(renderRustField(field('note', 'string | null'), ctx, ''), ['pub note: Option<String>,']);
    assert.deepEqual(renderRustField(field('counts', 'Record<string, integer | null>'), ctx, ''), [
      '#[ts(type = "{ [key in string]: number | null }")]',
      'pub counts: BTreeMap<String, Option<i64>>,',
    ]);
    assert.deepEqual(renderRustField(field('type', 'integer', { description: 'A keyword\nover two lines' }), ctx, ''), [
      '/// A keyword',
      '/// over two lines',
      '#[ts(type = "number")]',
      'pub r#type: i64,',
    ]);
  });

  it('boxes a field that makes its struct contain itself, and finds cycles with no finite value', () => {
    const node: InterfaceDeclaration = {
      kind: 'interface',
      name: 'Node',
      fields: [field('next', 'Node', { optional: true }), field('children', 'Node[]')],
      pointer: '/types/Node',
    };
    const { boxed, infinite } = recursiveFields([node], []);
    assert.ok(boxed.has(node.fields[0]) && !boxed.has(node.fields[1]));
    assert.deepEqual(infinite, []);
    const a: InterfaceDeclaration = { kind: 'interface', name: 'A', fields: [field('b', 'B')], pointer: '/types/A' };
    const b: InterfaceDeclaration = { kind: 'interface', name: 'B', fields: [field('a', 'A')], pointer: '/types/B' };
    assert.equal(recursiveFields([a, b], []).infinite.length, 2);
  });
});

describe('ts-rs text (what ts-rs exports for the same Rust)', () => {
  it('prints Array<T>, maps as { [key in string]: T }, nullables as T | null', () => {
    assert.equal(
      tsRsInlineType(parseTypeString('Record<string, string[] | null>'), { nameOf: (n) => n }),
      '{ [key in string]: Array<string> | null }',
    );
  });

  it('prints structs and enums as ts-rs does, optional fields with ?', () => {
    const decl: InterfaceDeclaration = {
      kind: 'interface',
      name: 'HealthPingResult',
      fields: [field('uptimeMs', 'integer'), field('version', 'string'), field('note', 'string', { optional: true })],
      pointer: '/types/HealthPingResult',
    };
    assert.equal(
      tsRsDeclaration(decl, { nameOf: (n) => n }),
      'type HealthPingResult = { uptimeMs: number, version: string, note?: string, };',
    );
    assert.equal(
      tsRsDeclaration(
        { kind: 'enum', name: 'PressureLevel', values: ['normal', 'high'], origin: 'spec', pointer: '/types/PressureLevel' },
        { nameOf: (n) => n },
      ),
      'type PressureLevel = "normal" | "high";',
    );
    assert.equal(
      tsRsDeclaration(
        {
          kind: 'union',
          name: 'HealthStatus',
          tag: 'status',
          pointer: '/types/HealthStatus',
          variants: [
            { name: 'healthy', fields: [], pointer: '/types/HealthStatus/variants/healthy' },
            { name: 'degraded', fields: [field('reason', 'string')], pointer: '/types/HealthStatus/variants/degraded' },
          ],
        },
        { nameOf: (n) => n },
      ),
      'type HealthStatus = { "status": "healthy" } | { "status": "degraded", reason: string, };',
    );
  });
});

describe('trait signature helpers', () => {
  it('splits tuple types and lists of tuples', () => {
    assert.deepEqual(splitTupleType('[string, string][]'), { elements: ['string', 'string'], list: true });
    assert.deepEqual(splitTupleType('[Record<string, number>, boolean]'), { elements: ['Record<string, number>', 'boolean'], list: false });
    assert.equal(splitTupleType('string[]'), undefined);
  });

  it('groups use lines like rustfmt and marks unused spec imports', () => {
    assert.deepEqual(
      rustUseLines(
        ['crate::b::Y', 'serde::Serialize', 'std::any::Any', 'serde::Deserialize', 'crate::a::X', 'crate::x::Unused'],
        new Set(['crate::x::Unused']),
      ),
      [
        'use std::any::Any;',
        '',
        'use serde::{Deserialize, Serialize};',
        '',
        'use crate::a::X;',
        'use crate::b::Y;',
        '#[allow(unused_imports)]',
        'use crate::x::Unused;',
      ],
    );
  });
});
