import type { CloudTrailRecord } from "../model/cloudtrail";
import type { SimState } from "../model/state";
import type { ClientInfo } from "./event-record";
import type { EventActor } from "./event-actor";
import { liveEventIds, type EventIds } from "./event-ids";
import { regionOfWrite, writeEvent, type WriteEventShape } from "./write-event";

/** Who made a change, from where, and when. */
export interface ChangeOrigin {
  actor: EventActor;
  client: ClientInfo;
  at: Date;
}

/** Adds the write event AWS would record for a change to the actor's trail (IAM and Organizations in us-east-1, Identity Center in its home region). */
export function recordWriteEvent(
  state: SimState,
  origin: ChangeOrigin,
  shape: WriteEventShape,
  ids: EventIds = liveEventIds,
): CloudTrailRecord {
  const region = regionOfWrite(shape.eventSource, state.identityCenter.instance.homeRegion);
  const delivered = writeEvent({ ids, actor: origin.actor, shape, at: origin.at, region, client: origin.client });
  state.cloudTrail.add(delivered.accountId, delivered.region, delivered.record);
  return delivered.record;
}
