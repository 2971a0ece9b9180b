#!/usr/bin/env node
// The `sportello` command. The server is TypeScript run through tsx's loader (a dependency), so a
// clean clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
