import { createUploadOp } from "@/lib/api/ops/files";
import { createUpload } from "@/lib/files/create-upload";
import { json, route } from "@/lib/http/route";

export const POST = route(createUploadOp, async ({ caller, body }) => json(201, await createUpload(caller, body)));
