#!/usr/bin/env node
// The CLI runs in a worker thread with a large stack (deeply nested schemas); this thread relays.
import { runCliInWorker } from "../dist/src/cli/host.js";

process.exitCode = await runCliInWorker(process.argv.slice(2));
