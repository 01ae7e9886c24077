import type { ImportDeclaration } from '../config/project-config.js';

/** The raw shape of a CommandSpec v2 file, as the schema in schemas/command-spec-v2.schema.json allows. */
export type Environment = 'server' | 'browser' | 'both';
export type AccessLevel = 'ai-safe' | 'internal' | 'system' | 'dangerous';
export type AdapterId = 'server-only' | 'browser-only' | 'full-stack' | 'rust-ipc' | 'trait-only';

export interface SpecField {
  name: string;
  type: string;
  description?: string;
  optional?: boolean;
  default?: unknown;
  optionalNullable?: boolean;
}

export interface SpecTypeField {
  type: string;
  description?: string;
  optional?: boolean;
  optionalNullable?: boolean;
}

export interface SpecTypeDeclaration {
  description?: string;
  fields?: Record<string, SpecTypeField>;
  enum?: string[];
}

export interface SpecExample {
  description: string;
  command: string;
  expectedResult?: string;
}

export interface RustBlock {
  module?: string;
  traits?: string[];
  command_prefix?: string;
  imports?: string[];
}

export interface CommandSpecV2 {
  $schema?: string;
  version: 2;
  name: string;
  className?: string;
  description: string;
  environment?: Environment;
  adapter?: AdapterId;
  accessLevel?: AccessLevel;
  rust?: RustBlock;
  types?: Record<string, SpecTypeDeclaration>;
  params?: SpecField[];
  results?: SpecField[];
  examples?: SpecExample[];
  imports?: ImportDeclaration[];
}
