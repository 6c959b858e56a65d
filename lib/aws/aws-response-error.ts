/**
 * AWS answered, but with something a collector cannot use (no credentials in an AssumeRole reply,
 * a pagination token that loops, a credential report that never becomes ready or has no header).
 * Like a service error, it is a gap in what one section could read, not a bug in Vigil.
 */
export class AwsResponseError extends Error {
  override name = "AwsResponseError";
}
