/**
 * Caps on one CloudTrail file, so a small hostile `.json.gz` (a gzip bomb, one huge record) fails
 * with an error naming the file instead of taking the process down. CloudTrail delivers a file
 * about every 5 minutes per account and region, a few MB at most once unzipped, and a single
 * record is a few KB (large request parameters are truncated by CloudTrail itself), so the
 * defaults leave real files far below them.
 */
export interface CloudTrailFileLimits {
  /** bytes of JSON text one file may hold once decompressed */
  maxDecompressedBytes: number;
  /** characters one record (one `Records` or `Events` element) may hold */
  maxElementChars: number;
}

export const CLOUDTRAIL_FILE_LIMITS: CloudTrailFileLimits = {
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxElementChars: 4 * 1024 * 1024,
};
