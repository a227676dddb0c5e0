import { createHmac } from 'node:crypto';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * The secret key of the audit chain's HMACs. It is never stored in the database: it comes from the environment
 * or a key file (features/audit/audit-key-file.ts) and travels with the database handle as a Kysely plugin that
 * changes no query, so that every transaction of the handle can sign audit rows without the key being passed
 * through each use case (docs/decisions/011-keyed-audit-chain.md).
 */
export class AuditKey implements KyselyPlugin {
  /** A public fingerprint of the key, stored on each row it signs; it reveals nothing of the key. */
  readonly id: string;
  readonly #secret: Buffer;

  constructor(secret: string) {
    this.#secret = Buffer.from(secret, 'utf8');
    this.id = this.mac('hms audit key id').slice(0, 16);
  }

  /** HMAC-SHA-256 of the parts, hex. */
  mac(...parts: string[]): string {
    const hmac = createHmac('sha256', this.#secret);
    for (const part of parts) hmac.update(part);
    return hmac.digest('hex');
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  toJSON(): string {
    return `AuditKey(${this.id})`;
  }
}

interface HasExecutor {
  getExecutor(): { readonly plugins: ReadonlyArray<KyselyPlugin> };
}

/** The audit key of a database handle or one of its transactions; null when it was opened without one. */
export function auditKeyOf(db: HasExecutor): AuditKey | null {
  return db.getExecutor().plugins.find((plugin): plugin is AuditKey => plugin instanceof AuditKey) ?? null;
}
