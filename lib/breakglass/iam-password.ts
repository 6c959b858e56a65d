import { randomInt } from "node:crypto";
import { GetAccountPasswordPolicyCommand, type IAMClient, type PasswordPolicy } from "@aws-sdk/client-iam";
import { isNotFound } from "../aws";

/** IAM's longest console password. */
const IAM_MAX_PASSWORD_LENGTH = 128;
/** Long enough that guessing is hopeless whatever the account's minimum. */
const GENERATED_LENGTH = 40;
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
/** The non-alphanumeric characters IAM password policies count as symbols. */
const SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

/**
 * The account's password policy; NoSuchEntity means none is set and AWS's default applies
 * (8 to 128 characters, three of upper, lower, digits, symbols — a generated password meets all four).
 */
export async function getPasswordPolicy(iam: IAMClient): Promise<PasswordPolicy> {
  try {
    const out = await iam.send(new GetAccountPasswordPolicyCommand({}));
    return out.PasswordPolicy ?? {};
  } catch (error) {
    if (isNotFound(error)) return {};
    throw error;
  }
}

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/** A random console password meeting `policy`: every character class, at least its minimum length. */
export function generateIamPassword(policy: PasswordPolicy): string {
  const length = Math.min(IAM_MAX_PASSWORD_LENGTH, Math.max(GENERATED_LENGTH, policy.MinimumPasswordLength ?? 0));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed classes sit anywhere.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
