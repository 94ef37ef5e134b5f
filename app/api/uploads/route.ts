import { createUploadOp } from "@/lib/api/ops/files";
import { createUpload } from "@/lib/files/create-upload";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const POST = route(createUploadOp, async ({ caller, body }) => json(201, await createUpload(caller, body)));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
