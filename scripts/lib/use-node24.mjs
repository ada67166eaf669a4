// Imported first by every entry script: re-runs it under Node 24 when the running node is older.
import { ensureNode24 } from './node24.mjs';

ensureNode24();
