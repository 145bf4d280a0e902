import type { Database } from "../../db/database";

/** A care manager account with the size of its panel. */
export interface CareManagerAccount {
  id: string;
  name: string;
  panelSize: number;
}

/** Lists every care manager account by name, for the panel admin page. */
export async function listCareManagerAccounts(db: Database): Promise<CareManagerAccount[]> {
  const users = await db.prisma.user.findMany({
    where: { role: "care_manager" },
    select: { id: true, name: true, _count: { select: { panel: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users.map((user) => ({ id: user.id, name: user.name, panelSize: user._count.panel }));
}
