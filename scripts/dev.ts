// `npm run dev`: Next's development server with the same settings, secret and database
// preparation as `npm start`, listening on HOST (default 127.0.0.1) only.
import { portalEnvironment, prepareDatabase, readSettingsOrExit, runNext } from "./portal-process";

const settings = readSettingsOrExit();
const env = portalEnvironment(settings);

await prepareDatabase(settings);
runNext(["dev", "--port", String(settings.port), "--hostname", settings.host], env);
