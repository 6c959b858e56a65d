import { recordWriteEvent } from "../cloudtrail/record-write-event";
import type { WriteEventShape } from "../cloudtrail/write-event";
import type { RequestContext } from "../protocol/request-context";
import { actorOf } from "./caller-actor";

/** Records the CloudTrail write event of a change an API call just made, as its caller. */
export function recordApiWrite(ctx: RequestContext, shape: WriteEventShape): void {
  const at = ctx.clock();
  recordWriteEvent(ctx.state, { actor: actorOf(ctx.caller, at), client: { sourceIp: ctx.sourceIp, userAgent: ctx.userAgent }, at }, shape);
}
