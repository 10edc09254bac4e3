/** A fresh copy of a recorded payload: tests mutate them. */
export function fixture(name: string): any {
  return JSON.parse(JSON.stringify(require(`../__fixtures__/${name}.json`)));
}
