/** What SigV4's `Authorization` header says about the caller; signatures are not checked. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseCredentialScope(authorization: string | undefined): CredentialScope | undefined {
  if (authorization === undefined) return undefined;
  const match = SCOPE.exec(authorization);
  if (!match) return undefined;
  const [, accessKeyId, date, region, service] = match;
  return { accessKeyId: accessKeyId as string, date: date as string, region: region as string, service: service as string };
}
