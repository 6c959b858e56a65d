import { randomBytes, randomUUID } from "node:crypto";
import type { SimState } from "../../model/state";
import { AwsError } from "../../protocol/aws-error";
import type { RequestContext } from "../../protocol/request-context";

/** One symmetric encryption KMS key; its key material never leaves the simulator. */
export type KmsKey = {
  keyId: string;
  accountId: string;
  region: string;
  arn: string;
  description: string;
  createdAt: Date;
  isEnabled: boolean;
  material: Buffer;
};

type KmsStore = { keys: Map<string, KmsKey>; aliases: Map<string, string> };

// Keys live beside the scenario's state, not in it: scenarios start with none and make them through CreateKey.
const stores = new WeakMap<SimState, KmsStore>();

export function kmsStore(state: SimState): KmsStore {
  let store = stores.get(state);
  if (!store) {
    store = { keys: new Map(), aliases: new Map() };
    stores.set(state, store);
  }
  return store;
}

export const notFound = (message: string) => new AwsError("NotFoundException", message, 400);

const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/;

const aliasKey = (accountId: string, region: string, alias: string) => `${accountId}:${region}:${alias}`;

export function createKey(ctx: RequestContext, description: string): KmsKey {
  const keyId = randomUUID();
  const accountId = ctx.caller.accountId;
  const key: KmsKey = {
    keyId,
    accountId,
    region: ctx.region,
    arn: `arn:aws:kms:${ctx.region}:${accountId}:key/${keyId}`,
    description,
    createdAt: ctx.clock(),
    isEnabled: true,
    material: randomBytes(32),
  };
  kmsStore(ctx.state).keys.set(keyId, key);
  return key;
}

export function createAlias(ctx: RequestContext, aliasName: string, key: KmsKey): void {
  const aliases = kmsStore(ctx.state).aliases;
  const name = aliasKey(ctx.caller.accountId, ctx.region, aliasName);
  const arn = `arn:aws:kms:${ctx.region}:${ctx.caller.accountId}:${aliasName}`;
  if (aliases.has(name)) throw new AwsError("AlreadyExistsException", `An alias with the name ${arn} already exists`, 400);
  aliases.set(name, key.keyId);
}

/**
 * A key by id, key ARN, alias name or alias ARN, as KMS resolves them: in the caller's account and
 * region unless an ARN names another (then the key policy decides; the simulator's keys trust only
 * their own account).
 */
export function resolveKey(ctx: RequestContext, keyIdOrAlias: string): KmsKey {
  const store = kmsStore(ctx.state);
  let accountId = ctx.caller.accountId;
  let region = ctx.region;
  let keyId: string | undefined;
  let alias: string | undefined;
  const keyArn = KEY_ARN.exec(keyIdOrAlias);
  const aliasArn = ALIAS_ARN.exec(keyIdOrAlias);
  if (keyArn) [, region, accountId, keyId] = keyArn as unknown as [string, string, string, string];
  else if (aliasArn) [, region, accountId, alias] = aliasArn as unknown as [string, string, string, string];
  else if (keyIdOrAlias.startsWith("alias/")) alias = keyIdOrAlias;
  else if (KEY_ID.test(keyIdOrAlias)) keyId = keyIdOrAlias;
  else throw notFound(`Invalid keyId '${keyIdOrAlias}'`);
  if (alias !== undefined) {
    keyId = store.aliases.get(aliasKey(accountId, region, alias));
    if (keyId === undefined) throw notFound(`Alias arn:aws:kms:${region}:${accountId}:${alias} is not found.`);
  }
  const key = store.keys.get(keyId!);
  if (key === undefined || key.accountId !== accountId || key.region !== region) {
    throw notFound(`Key 'arn:aws:kms:${region}:${accountId}:key/${keyId}' does not exist`);
  }
  if (key.accountId !== ctx.caller.accountId) {
    throw new AwsError(
      "AccessDeniedException",
      `User: ${ctx.caller.arn} is not authorized to perform: kms:${ctx.operation} on resource: ${key.arn} because no resource-based policy allows the kms:${ctx.operation} action`,
      400,
    );
  }
  return key;
}

export function requireEnabled(key: KmsKey): KmsKey {
  if (!key.isEnabled) throw new AwsError("DisabledException", `${key.arn} is disabled.`, 400);
  return key;
}

export function keyMetadata(key: KmsKey) {
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt.getTime() / 1000,
    Enabled: key.isEnabled,
    Description: key.description,
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: key.isEnabled ? "Enabled" : "Disabled",
    Origin: "AWS_KMS",
    KeyManager: "CUSTOMER",
    CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    KeySpec: "SYMMETRIC_DEFAULT",
    EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
    MultiRegion: false,
  };
}
