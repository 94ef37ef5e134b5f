import { deleteFileGrantOp } from "@/lib/api/ops/files";
import { unshareFile } from "@/lib/files/share-file";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const DELETE = route(deleteFileGrantOp, async ({ caller, params }) => {
  await unshareFile(caller, params.id, params.userId);
  return json(204);
});

export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
