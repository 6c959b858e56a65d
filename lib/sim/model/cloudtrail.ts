/** One CloudTrail management event as stored for one recipient account and region. */
export interface CloudTrailRecord {
  eventId: string;
  eventName: string;
  eventSource: string;
  eventTime: Date;
  readOnly: boolean;
  accessKeyId?: string;
  username?: string;
  resources: Array<{ type: string; name: string }>;
  /** The full CloudTrail record exactly as LookupEvents serialises into `CloudTrailEvent`. */
  body: Record<string, unknown>;
}
