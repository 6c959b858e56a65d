import { z } from "zod";
import { accountId, cliTimestamp, ouId, rootId, tagList } from "./common";

export const DESCRIBE_ORGANIZATION = z.object({
  Organization: z
    .object({
      Id: z.string().min(1),
      Arn: z.string().optional(),
      FeatureSet: z.string().nullish(),
      MasterAccountId: accountId,
      MasterAccountEmail: z.string().nullish(),
    })
    .loose(),
});

export const LIST_ROOTS = z.object({
  Roots: z.array(
    z
      .object({
        Id: rootId,
        Arn: z.string().optional(),
        Name: z.string().optional(),
        PolicyTypes: z.array(z.object({ Type: z.string().optional(), Status: z.string().optional() }).loose()).optional(),
      })
      .loose(),
  ),
});

export const ACCOUNT = z
  .object({
    Id: accountId,
    Arn: z.string().optional(),
    Email: z.string().optional(),
    Name: z.string().optional(),
    Status: z.string().optional(),
    State: z.string().optional(),
    JoinedMethod: z.string().nullish(),
    JoinedTimestamp: cliTimestamp.nullish(),
  })
  .loose();

export const LIST_ACCOUNTS = z.object({ Accounts: z.array(ACCOUNT) });

export const LIST_OUS_FOR_PARENT = z.object({
  OrganizationalUnits: z.array(z.object({ Id: ouId, Arn: z.string().optional(), Name: z.string().optional() }).loose()),
});

export const LIST_TAGS = z.object({ Tags: tagList });

export type CliAccount = z.infer<typeof ACCOUNT>;
