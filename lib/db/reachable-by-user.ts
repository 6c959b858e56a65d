import { statSync } from "node:fs";
import path from "node:path";

export type UnixIdentity = { uid: number; gid: number };

/**
 * The first directory on the way to `target` that `user` may not traverse (no search permission
 * for it as owner, group or other), or null when it can reach `target`. Only the mode bits are
 * read: supplementary groups and ACLs are not considered.
 */
export function findUntraversableAncestor(target: string, user: UnixIdentity): string | null {
  let current = path.resolve(target);
  const directories: string[] = [];
  for (;;) {
    directories.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of directories) {
    let stats;
    try {
      stats = statSync(directory);
    } catch {
      return null; // not created yet: created later with a traversable mode
    }
    const searchBit = stats.uid === user.uid ? 0o100 : stats.gid === user.gid ? 0o010 : 0o001;
    if ((stats.mode & searchBit) === 0) return directory;
  }
  return null;
}
