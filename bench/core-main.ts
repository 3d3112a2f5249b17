// Entry of the bundled core bench (bench/core-bundled.ts): one roster size, one JSON line.
import { benchRoster } from "./data";
import { benchCore } from "./core";

const n = Number(process.argv[2]);
process.stdout.write(JSON.stringify(benchCore(benchRoster(n))) + "\n");
