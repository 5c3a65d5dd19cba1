#!/usr/bin/env node
import { main } from '../dist/main.js';

const code = await main(process.argv.slice(2));
// Exit explicitly: the embedded PostgreSQL package (loaded by the database commands) exits
// with 0 on 'beforeExit', which would hide the command's exit code.
process.exit(code);
