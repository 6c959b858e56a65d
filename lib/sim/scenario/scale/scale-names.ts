export const GIVEN_NAMES = ["Ava", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jade", "Kai", "Lena", "Milo", "Nia", "Owen", "Pia", "Quin", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wes", "Xena", "Yara", "Zane"];
export const FAMILY_NAMES = ["Abbott", "Baker", "Castro", "Dunn", "Ellis", "Ford", "Gupta", "Hale", "Ito", "Jensen", "Khan", "Lopez", "Meyer", "Nash", "Ortiz", "Park", "Quinn", "Rossi", "Shah", "Tran", "Usman", "Vance", "Wolf", "Xu", "Young", "Zhou"];
export const BUSINESS_UNITS = ["payments", "lending", "cards", "data", "identity", "search", "mobile", "growth", "risk", "platform"];
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export const SERVICE_PRINCIPALS = ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com", "ec2.amazonaws.com", "states.amazonaws.com", "events.amazonaws.com", "glue.amazonaws.com"];
export const MANAGED_POLICY_POOL = [
  "ReadOnlyAccess",
  "AmazonS3ReadOnlyAccess",
  "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
  "AWSCloudFormationFullAccess",
  "AmazonEC2ContainerRegistryPowerUser",
  "SecurityAudit",
  "PowerUserAccess",
];
