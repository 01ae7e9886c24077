/**
 * import() of a module by absolute URL, for code that the bin's bundle holds. The bin's entry runs
 * the bundle with V8's code cache (bin/continuum-gen.cts), and on Node 20 code compiled that way
 * cannot import(): the entry lends its own import() instead. Everywhere else this is import().
 */
type Importer = (url: string) => Promise<unknown>;

let importer: Importer = (url) => import(url);

/** Import through the given function from now on (the bin's entry, before it runs the CLI). */
export function useImporter(lent: Importer): void {
  importer = lent;
}

export function importModule<T = Record<string, unknown>>(url: string): Promise<T> {
  return importer(url) as Promise<T>;
}
