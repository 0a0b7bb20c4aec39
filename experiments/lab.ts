import { main } from '../src/cli/main.ts';
import { experiments } from './catalogue.ts';

await main(experiments);
