import { main } from '../src/cli/main.ts';
import { catalogueLines } from './catalogue-lines.ts';

await main(catalogueLines);
