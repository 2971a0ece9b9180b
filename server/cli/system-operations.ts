import type { Permission } from '../db/schema.ts';
import type { DemoProgress, DemoResult } from '../demo/load-demo.ts';

/** What the CLI asks of the system, whether through the running server's socket or directly. */
export interface SystemOperations {
  /** how the commands reach the data: for the user's information */
  via: { kind: 'socket'; pid: number } | { kind: 'direct'; description: string };
  addAgent(input: AddAgentRequest): Promise<AddedAgent>;
  createToken(input: CreateTokenRequest): Promise<CreatedToken>;
  loadDemo(progress: DemoProgress): Promise<DemoResult>;
  close(): Promise<void>;
}

export interface GroupGrant {
  group: string;
  permissions: Permission[];
}

export interface AddAgentRequest {
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  password?: string;
  groups: GroupGrant[];
}

export interface AddedAgent {
  id: number;
  login: string;
}

export interface CreateTokenRequest {
  agentLogin: string;
  name: string;
  /** ISO 8601 */
  expiresAt?: string;
}

export interface CreatedToken {
  id: number;
  name: string;
  agentLogin: string;
  expiresAt: string | null;
  token: string;
}

/** A line of the NDJSON stream of POST /api/v1/system/demo. */
export type DemoStreamLine =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'done'; result: DemoResult }
  | { type: 'error'; error: { code: string; message: string } };
