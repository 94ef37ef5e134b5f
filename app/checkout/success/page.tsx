import { ReturnView } from "../return-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Pagamento" };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ReturnView searchParams={searchParams} />;
}
