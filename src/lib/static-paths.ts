/**
 * Static paths for a collection's pages plus one redirect page per alias:
 * a renamed entry keeps answering at every id it ever had.
 */
export function withAliases<T extends { data: { id: string; aliases: string[] } }>(entries: T[]) {
  return entries.flatMap((entry) => [
    { params: { id: entry.data.id }, props: { entry, to: undefined as string | undefined } },
    ...entry.data.aliases.map((alias) => ({ params: { id: alias }, props: { entry, to: entry.data.id as string | undefined } })),
  ]);
}
