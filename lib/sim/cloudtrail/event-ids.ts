import { randomBytes, randomUUID } from "node:crypto";
import type { Rng } from "../random/prng";
import { accessKeyId, uuid } from "../random/ids";

/** Where event builders get ids: seeded for generated history, random for live calls. */
export interface EventIds {
  uuid(): string;
  temporaryKeyId(): string;
  sessionToken(): string;
}

export const seededEventIds = (rng: Rng): EventIds => ({
  uuid: () => uuid(rng),
  temporaryKeyId: () => accessKeyId(rng, "ASIA"),
  sessionToken: () => `IQoJb3JpZ2luX2Vj${uuid(rng).replace(/-/g, "")}`,
});

export const liveEventIds: EventIds = {
  uuid: () => randomUUID(),
  temporaryKeyId: () => `ASIA${randomBytes(10).toString("hex").toUpperCase().slice(0, 16)}`,
  sessionToken: () => `IQoJb3JpZ2luX2Vj${randomBytes(24).toString("base64")}`,
};
