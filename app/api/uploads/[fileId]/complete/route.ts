import { completeUploadOp } from "@/lib/api/ops/files";
import { completeUpload } from "@/lib/files/complete-upload";
import { json, route } from "@/lib/http/route";

export const POST = route(completeUploadOp, async ({ caller, params }) =>
  json(200, { file: await completeUpload(caller, params.fileId) }),
);
