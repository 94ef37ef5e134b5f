import { deleteFileGrantOp } from "@/lib/api/ops/files";
import { unshareFile } from "@/lib/files/share-file";
import { json, route } from "@/lib/http/route";

export const DELETE = route(deleteFileGrantOp, async ({ caller, params }) => {
  await unshareFile(caller, params.id, params.userId);
  return json(204);
});
