// Starts the import's precompute worker thread. Node.js 20 cannot load a worker from a .ts file,
// so this entry registers tsx first and then loads the TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./precompute-worker.ts");
