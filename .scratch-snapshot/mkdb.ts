import { createDatabaseFromTemplate, prepareTemplateDatabase } from "../lib/testing/test-databases";
const server = "postgresql://postgres@127.0.0.1:5432/postgres";
process.stdout.write(await createDatabaseFromTemplate(server, await prepareTemplateDatabase(server)));
