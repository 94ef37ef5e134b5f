import { downloadFileOp } from "@/lib/api/ops/files";
import { getDownloadUrl } from "@/lib/files/download-file";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(downloadFileOp, async ({ caller, params }) => {
  const { url } = await getDownloadUrl(caller, params.id);
  // The signed URL is short-lived and per caller: never cache the redirect.
  return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
