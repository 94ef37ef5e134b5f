import { completeUploadOp } from "@/lib/api/ops/files";
import { completeUpload } from "@/lib/files/complete-upload";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(completeUploadOp, async ({ caller, params }) =>
  json(200, { file: await completeUpload(caller, params.fileId) }),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
