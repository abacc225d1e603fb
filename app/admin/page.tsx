import Link from "next/link";
import { StatusBadge } from "@/components/order/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requireAdmin } from "@/lib/auth/session";
import { getDictionary } from "@/lib/i18n/server";
import { countByStatus } from "@/lib/orders/admin-queries";
import { ORDER_STATUSES } from "@/lib/orders/status";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.admin.dashboard };
}

export default async function AdminDashboard() {
  await requireAdmin("/admin");
  const [{ dict }, counts] = await Promise.all([getDictionary(), countByStatus()]);
  return (
    <div className="space-y-6">
      <PageHeader title={dict.admin.dashboard} />
      <Panel title={dict.admin.stats}>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {ORDER_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/orders?status=${s}`} className="block rounded border border-stone-200 p-3 hover:bg-stone-50">
                <StatusBadge status={s} dict={dict} />
                <span className="mt-2 block text-2xl font-bold">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
