import path from "node:path";

import { IgCatalog } from "./ig-catalog";
import { readIgPackages } from "./read-ig-packages";

const catalogs = new Map<string, IgCatalog>();

/**
 * Returns the catalog of the packages in a folder, read on the first call for that folder and
 * kept for the life of the process. Reading the US Core, CARIN and DEQM packages parses about
 * 35 MB of JSON.
 */
export function getIgCatalog(dir: string): IgCatalog {
  const key = path.resolve(dir);
  let catalog = catalogs.get(key);
  if (catalog === undefined) {
    catalog = new IgCatalog(readIgPackages(key));
    catalogs.set(key, catalog);
  }
  return catalog;
}
