// The product's name and version, from package.json (bundled by esbuild, read by tsc).
import { version } from '../../package.json';

export const VERSION: string = version;
export const GENERATOR = `ClaimLens ${version}`;
