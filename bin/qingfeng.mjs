#!/usr/bin/env node
// The installed `qingfeng` command: registers tsx's loader in this process (signals reach the server
// directly) and runs server/main.ts, wherever the caller's working directory is.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../server/main.ts', import.meta.url).href);
