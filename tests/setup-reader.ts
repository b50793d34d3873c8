// Every test process loads the compromise reader once before its tests, as the CLI and the extension do before
// their first analysis (the analyser refuses to judge without it).
import { loadReader } from '../src/analysis/index';

await loadReader();
