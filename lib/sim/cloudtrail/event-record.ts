import type { CloudTrailRecord } from "../model/cloudtrail";

/** A record and the account/region whose trail receives it. */
export interface DeliveredEvent {
  accountId: string;
  region: string;
  record: CloudTrailRecord;
}

export interface ClientInfo {
  sourceIp: string;
  userAgent: string;
}

export interface RoleRef {
  accountId: string;
  roleName: string;
  roleId: string;
  roleArn: string;
}

export function tls(host: string) {
  return { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256", clientProvidedHostHeader: host };
}

export function record(
  body: Record<string, unknown>,
  fields: Omit<CloudTrailRecord, "body" | "eventId" | "eventName" | "eventSource" | "readOnly"> & { readOnly: boolean },
): CloudTrailRecord {
  return {
    eventId: body.eventID as string,
    eventName: body.eventName as string,
    eventSource: body.eventSource as string,
    ...fields,
    body,
  };
}
