import { deleteFileOp, getFileOp, updateFileOp } from "@/lib/api/ops/files";
import { deleteFile } from "@/lib/files/delete-file";
import { getFile } from "@/lib/files/get-file";
import { updateVisibility } from "@/lib/files/update-visibility";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(getFileOp, async ({ caller, params }) => json(200, await getFile(caller, params.id)));

export const PATCH = route(updateFileOp, async ({ caller, params, body }) =>
  json(200, await updateVisibility(caller, params.id, body.visibility)),
);

export const DELETE = route(deleteFileOp, async ({ caller, params }) => {
  await deleteFile(caller, params.id);
  return json(204);
});

export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
